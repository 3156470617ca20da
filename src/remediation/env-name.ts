import type { Finding } from '../findings/index.js';

/**
 * A conventional environment variable name for a rule's secret, used when the code names no
 * variable: `stripe.secret-key` -> `STRIPE_SECRET_KEY`. Generic rules get `APP_SECRET`, because
 * `GENERIC_PASSWORD_ASSIGNMENT` would read as an instruction rather than an example.
 */
export function envNameFor(ruleId: string, providerId: string): string {
  if (providerId === 'generic') return 'APP_SECRET';
  return asEnvName(ruleId);
}

/** Upper snake case, split at camelCase humps: `uwApiToken` -> `UW_API_TOKEN`, `db.password` -> `DB_PASSWORD`. */
function asEnvName(name: string): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[A-Z_]/.test(snake) ? snake : `SECRET_${snake}`;
}

/** Names that say only "a secret": the variable name alone would not say which one. */
const VAGUE = new Set(['KEY', 'TOKEN', 'SECRET', 'PASSWORD', 'PASS', 'PWD', 'PASSWD', 'API_KEY', 'APIKEY', 'AUTH', 'CREDENTIAL', 'CREDENTIALS', 'VALUE', 'DATA']);

/**
 * The environment variable to read a secret from, named after the variable or key the code
 * assigns it to (`uw_api_token` -> `UW_API_TOKEN`, `POSTGRES_PASSWORD` stays). A name that says
 * only "key" or "password" gets the provider in front (`STRIPE_KEY`, or `APP_PASSWORD` for a
 * generic secret); without a name, the rule's name is used (see envNameFor).
 */
export function envNameForVariable(variable: string | undefined, ruleId: string, providerId: string): string {
  if (variable === undefined) return envNameFor(ruleId, providerId);
  const name = asEnvName(variable);
  if (name === '' || name.startsWith('SECRET_')) return envNameFor(ruleId, providerId);
  if (!VAGUE.has(name)) return name;
  return `${providerId === 'generic' ? 'APP' : asEnvName(providerId)}_${name}`;
}

/** The name right before a value on its line: `KEY=`, `"key": "`, `key: '`, `const key = "`. */
const NAME_BEFORE = /(?<![A-Za-z0-9_.\-/:@])([A-Za-z_][A-Za-z0-9_.-]*)["']?[ \t]*(?::|=>?)[ \t]*["'`]?$/;

/**
 * The variable or key a finding's value is assigned to, read from its redacted context line: the
 * name right before the value, or, when the value sits inside a longer string (a connection URL),
 * the name that string is assigned to (`DATABASE_URL="postgres://app:…"` -> `DATABASE_URL`).
 */
export function variableNameOf(finding: Pick<Finding, 'context' | 'preview'>): string | undefined {
  const at = finding.preview === '' ? -1 : finding.context.indexOf(finding.preview);
  if (at === -1) return undefined;
  const before = finding.context.slice(0, at);
  return NAME_BEFORE.exec(before)?.[1] ?? NAME_BEFORE.exec(before.replace(/[^\s"'`=]*$/, ''))?.[1];
}
