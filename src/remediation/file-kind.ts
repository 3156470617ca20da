/** What a file that held a secret is, for how to purge it and where the value belongs instead. */
export type SecretFileKind = 'env' | 'key' | 'credentials' | 'source';

const ENV_TEMPLATE = /^\.env\.(example|sample|template|dist|defaults)$/i;
const KEY_EXTENSIONS = /\.(pem|key|p12|pfx|jks|keystore|ppk|asc|gpg)$/i;
const KEY_NAMES = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519']);
const CREDENTIAL_NAMES = new Set(['credentials', 'credentials.json', '.netrc', '.pypirc', '.git-credentials', '.htpasswd', 'service-account.json']);

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Classifies a path: `.env` files, key files and credential files are secret as a whole (purged
 * with `--invert-paths`); anything else is `source`, where only the value is replaced.
 */
export function secretFileKind(path: string): SecretFileKind {
  const name = baseName(path);
  if ((name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) && !ENV_TEMPLATE.test(name)) return 'env';
  if (KEY_NAMES.has(name) || KEY_EXTENSIONS.test(name)) return 'key';
  if (CREDENTIAL_NAMES.has(name.toLowerCase())) return 'credentials';
  return 'source';
}

/** Whether the whole file is the secret, so it should leave history entirely (`git filter-repo --invert-paths`). */
export function isWholeSecretFile(path: string): boolean {
  return secretFileKind(path) !== 'source';
}

/** The `.gitignore` lines that keep files of this kind out of git (the exact path for credential files). */
export function gitignoreLinesFor(path: string): string[] {
  const kind = secretFileKind(path);
  if (kind === 'env') return ['.env', '.env.*', '!.env.example'];
  if (kind === 'key') {
    const dot = baseName(path).lastIndexOf('.');
    return [dot > 0 ? `*${baseName(path).slice(dot)}` : baseName(path)];
  }
  if (kind === 'credentials') return [`/${path}`];
  return [];
}
