import { createHash } from 'node:crypto';

function digest(parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return `v1:${hash.digest('hex').slice(0, 32)}`;
}

/** Identity of a secret wherever it appears: rule id + secret. */
export function secretIdOf(ruleId: string, secret: string): string {
  return digest([ruleId, secret]);
}

/**
 * Identity of one secret in one file, from its secret id and path. Built on the secret id rather
 * than the raw value so that a history scan, which learns every path of a blob only after
 * matching, can fingerprint each path without keeping the secret.
 */
export function fingerprintFromSecretId(ruleId: string, path: string, secretId: string): string {
  return digest([ruleId, path, secretId]);
}

/**
 * Identity of one secret in one file: rule id + path + secret. No line numbers, so the
 * fingerprint survives code moving above the secret, rebases and history rewrites.
 */
export function fingerprintOf(ruleId: string, path: string, secret: string): string {
  return fingerprintFromSecretId(ruleId, path, secretIdOf(ruleId, secret));
}
