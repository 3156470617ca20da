import { createRequire } from 'node:module';
import { INVALID, VALID, type Verdict } from './types.js';

/** zlib's CRC-32, loaded on first use: zlib costs every scan start-up time and few scans meet a GitHub token. */
let zlibCrc32: ((data: string) => number) | undefined;
function crc32(data: string): number {
  zlibCrc32 ??= (createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib')).crc32;
  return zlibCrc32(data);
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function toBase62(value: number, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

/**
 * GitHub's `gh?_` tokens end in a 6-character base62 CRC32 of the 30 characters before it.
 * A wrong checksum means a typo, a truncation or a made-up string: not a live token.
 * Fine-grained `github_pat_` tokens carry no public checksum and pass through.
 */
export function validateGithubChecksum(secret: string): Verdict {
  const match = /^gh[pousr]_([0-9A-Za-z]{30})([0-9A-Za-z]{6})$/.exec(secret);
  if (match === null) return secret.startsWith('github_pat_') ? VALID : INVALID;
  const [, body = '', checksum] = match;
  return toBase62(crc32(body) >>> 0, 6) === checksum ? VALID : INVALID;
}

/**
 * npm granular and automation tokens (`npm_` + 36 base62) use GitHub's scheme: the last 6
 * characters are the base62 CRC32 of the 30 before them. Legacy npm tokens are UUIDs and have
 * their own rule; they never reach this validator.
 */
export function validateNpmChecksum(secret: string): Verdict {
  const match = /^npm_([0-9A-Za-z]{30})([0-9A-Za-z]{6})$/.exec(secret);
  if (match === null) return INVALID;
  const [, body = '', checksum] = match;
  return toBase62(crc32(body) >>> 0, 6) === checksum ? VALID : INVALID;
}
