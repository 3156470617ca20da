/**
 * Values that stand for a secret without being one: template variables, environment lookups,
 * "your key here" texts, masks, and the example keys providers print in their own docs.
 */
const PLACEHOLDER_WORDS = [
  'example',
  'placeholder',
  'changeme',
  'change_me',
  'change-me',
  'replaceme',
  'replace_me',
  'replace-me',
  'your_',
  'your-',
  'yourkey',
  'yourtoken',
  'yoursecret',
  'dummy',
  'redacted',
  'xxxx',
  '****',
  '...',
  '…',
  'process.env',
  'getenv',
  'os.environ',
  'secrets.',
  'env.',
  '%s',
  // What `secretscan remediate` puts in place of a purged value.
  'removed-by-secretscan',
];

const WRAPPED = [/^<[^>]*>$/, /^\$\{[^}]*\}$/, /^\{\{.*\}\}$/, /^%[^%]+%$/, /^\$\(.*\)$/, /^\[[A-Z_ ]+\]$/];

const KNOWN_EXAMPLE_KEYS = new Set(['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']);

/** Words a placeholder built from a field's name is made of: `my_api_key`, `MY_SECRET_TOKEN`, `mypassword`. */
const FIELD_WORDS = /^(?:api|access|auth|app|client|db|database|admin|user|account|service|private|public|secret|secrets|password|passwd|pass|pwd|passphrase|token|key|jwt|session|signing|webhook|bearer|master|value|string)+$/;

/**
 * Value shapes that stand for a value: `my_<field>`, `<field>_here`, `sample…`, `…for_testing`,
 * `xxx…`, `STRING_VALUE` (generated API docs), and an upper-case variable name that names a credential
 * (`NEXT_UPGRADE_PUBLISH_TOKEN`: the name of the variable that holds it, not its value).
 */
function isPlaceholderShape(secret: string, lower: string): boolean {
  if (lower.startsWith('my') && lower.length <= 40 && FIELD_WORDS.test(lower.slice(2).replace(/[^a-z]/g, ''))) return true;
  if (/[_-]here$/.test(lower) || /^(?:sample|xxx)/.test(lower) || /for[_-]?test(?:ing|s)?(?:[_-]only)?$/.test(lower)) return true;
  if (/^string[_-]?value$/.test(lower)) return true;
  // Three words or more: SOME_PASSWORD may be a weak password, NEXT_UPGRADE_PUBLISH_TOKEN is a name.
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){2,}$/.test(secret) && /(?:^|_)(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|PWD|CREDENTIALS?|AUTH)(?:_|$)/.test(secret);
}

/** A credential field's own word, optionally after a word naming whose it is: `password`, `dbpassword`. */
const CREDENTIAL_FIELD = /^(?:my)?(?:db|database|user|admin|root|app|api|service|account|master)?(?:password|passwd|pass|pwd|passphrase|secret)$/;

/**
 * A value that names its own field: `password`, `PASSWORD`, `secret`, or the field with `my` glued in
 * front (`mypassword`, `myPassword`, `mypass`). In a slot that only ever holds a credential (a
 * connection string's Password=, `psexec -p`, a Secret manifest's data, a password entry of a config
 * file) such a value is a default credential that gets deployed as written, so rules tagged
 * `credential-slot` report it at low severity instead of dropping it. Separated forms (`my_password`,
 * `MY_SECRET`, `your_password`) are templates and stay placeholders everywhere.
 */
export function isFieldWordValue(secret: string): boolean {
  return /^[A-Za-z]{3,40}$/.test(secret) && CREDENTIAL_FIELD.test(secret.toLowerCase());
}

/**
 * Whether a value is a whole document rather than one value: a JSON object or array, or several
 * lines (a config file stored in a Kubernetes Secret, a Docker registry config). A word such as
 * `example` in a registry URL inside it says nothing about the credential next to it.
 */
export function isDocument(secret: string): boolean {
  return secret.includes('\n') || /^[[{][\s\S]*"[ \t]*:/.test(secret);
}

/** Whether a candidate secret is a placeholder or a documented example rather than a credential. */
export function isPlaceholder(secret: string): boolean {
  if (KNOWN_EXAMPLE_KEYS.has(secret)) return true;
  if (secret.startsWith('$')) return true;
  const lower = secret.toLowerCase();
  if (PLACEHOLDER_WORDS.some((word) => lower.includes(word))) return true;
  if (isPlaceholderShape(secret, lower)) return true;
  if (WRAPPED.some((pattern) => pattern.test(secret))) return true;
  return /^(.)\1*$/s.test(secret);
}
