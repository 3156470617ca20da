/**
 * Values that stand for a secret without being one: template variables, environment lookups,
 * "your key here" texts, masks, and the example keys providers print in their own docs.
 */
const PLACEHOLDER_WORDS = [
  'example', 'placeholder', 'changeme', 'change_me', 'change-me', 'replaceme', 'replace_me', 'replace-me',
  'your_', 'your-', 'yourkey', 'yourtoken', 'yoursecret', 'dummy', 'redacted', 'xxxx', '****', '...', '…',
  'process.env', 'getenv', 'os.environ', 'secrets.', 'env.', '%s',
];

const WRAPPED = [/^<[^>]*>$/, /^\$\{[^}]*\}$/, /^\{\{.*\}\}$/, /^%[^%]+%$/, /^\$\(.*\)$/, /^\[[A-Z_ ]+\]$/];

const KNOWN_EXAMPLE_KEYS = new Set(['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']);

/** Whether a candidate secret is a placeholder or a documented example rather than a credential. */
export function isPlaceholder(secret: string): boolean {
  if (KNOWN_EXAMPLE_KEYS.has(secret)) return true;
  if (secret.startsWith('$')) return true;
  const lower = secret.toLowerCase();
  if (PLACEHOLDER_WORDS.some((word) => lower.includes(word))) return true;
  if (WRAPPED.some((pattern) => pattern.test(secret))) return true;
  return /^(.)\1*$/s.test(secret);
}
