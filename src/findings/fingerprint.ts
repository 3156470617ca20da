import * as crypto from 'node:crypto';
import { flatString } from './flat-string.js';

/**
 * Secrets shorter than this (in UTF-16 code units) are hashed slowly: a short value (a password,
 * a PIN) could otherwise be found from its id by trying every candidate. Longer values (provider
 * tokens) have too many candidates to try, and keep the fast `v1` scheme and their old ids.
 */
export const SLOW_HASH_BELOW = 32;

/**
 * scrypt parameters for short secrets: 2 MiB of memory and about 3 ms of one core per hash, so
 * trying every 6-character printable value (7.4e11 candidates) takes thousands of core-years and
 * GPUs gain little. The salt is fixed, so ids stay the same on every machine and in every run.
 */
const SCRYPT = { N: 2048, r: 8, p: 1, maxmem: 8 * 1024 * 1024 } as const;
const SCRYPT_SALT = 'secretscan secret-id v2';

/** One scrypt per distinct short secret per process: a secret found twice costs one hash. */
const stretchedCache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

function stretch(secret: string): string {
  let value = stretchedCache.get(secret);
  if (value !== undefined) return value;
  value = crypto.scryptSync(secret, SCRYPT_SALT, 32, SCRYPT).toString('hex');
  if (stretchedCache.size >= CACHE_LIMIT) stretchedCache.clear();
  // A copy as the key: the secret is often a slice of a whole file, which the cache would keep alive.
  stretchedCache.set(flatString(secret), value);
  return value;
}

/**
 * SHA-256 of the parts, each followed by a NUL, as hex. The one-shot `crypto.hash` (Node 20.12 and
 * later) costs a third of a Hash object; earlier Node 20 releases use the object.
 */
const sha256Hex: (text: string) => string = typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');

function digest(version: string, parts: string[]): string {
  // Flat: a finding keeps two ids until the report, and a scan may keep a hundred thousand findings.
  return flatString(`${version}:${sha256Hex(`${parts.join('\0')}\0`).slice(0, 32)}`);
}

/**
 * Identity of a secret wherever it appears: rule id + secret. `v1:` (SHA-256) for secrets of
 * SLOW_HASH_BELOW characters or more; `v2:` (SHA-256 over scrypt of the secret) below that.
 */
export function secretIdOf(ruleId: string, secret: string): string {
  if (secret.length >= SLOW_HASH_BELOW) return digest('v1', [ruleId, secret]);
  return digest('v2', [ruleId, stretch(secret)]);
}

/**
 * Identity of one secret in one file, from its secret id and path (same version as the secret id).
 * Built on the secret id rather than the raw value so that a history scan, which learns every path
 * of a blob only after matching, can fingerprint each path without keeping the secret.
 */
export function fingerprintFromSecretId(ruleId: string, path: string, secretId: string): string {
  return digest(secretId.startsWith('v2:') ? 'v2' : 'v1', [ruleId, path, secretId]);
}

/**
 * Identity of one secret in one file: rule id + path + secret. No line numbers, so the
 * fingerprint survives code moving above the secret, rebases and history rewrites.
 */
export function fingerprintOf(ruleId: string, path: string, secret: string): string {
  return fingerprintFromSecretId(ruleId, path, secretIdOf(ruleId, secret));
}
