import { createHash } from 'node:crypto';

function digest(parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return `v1:${hash.digest('hex').slice(0, 32)}`;
}

/**
 * Identity of one secret in one file: rule id + path + secret. No line numbers, so the
 * fingerprint survives code moving above the secret, rebases and history rewrites.
 */
export function fingerprintOf(ruleId: string, path: string, secret: string): string {
  return digest([ruleId, path, secret]);
}

/** Identity of a secret wherever it appears: rule id + secret. */
export function secretIdOf(ruleId: string, secret: string): string {
  return digest([ruleId, secret]);
}
