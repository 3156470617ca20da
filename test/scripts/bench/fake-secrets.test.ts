import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeFakeSecret } from '../../../scripts/bench/fake-secrets.js';
import { createRandom } from '../../../scripts/bench/prng.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function base62(value: number): string {
  let out = '';
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) out = (BASE62[rest % 62] ?? '') + out;
  return out.padStart(6, '0');
}

describe('makeFakeSecret', () => {
  const r = createRandom(11);
  const secrets = Array.from({ length: 8 }, (_, n) => makeFakeSecret(r, n));

  it('gives the shapes the built-in rules look for', () => {
    const text = (n: number) => secrets[n]?.lines.join('\n') ?? '';
    expect(text(0)).toMatch(/\bAKIA[A-Z2-7]{16}\b/);
    expect(text(1)).toMatch(/aws_secret_access_key = [A-Za-z0-9/+]{40}$/);
    expect(text(2)).toMatch(/\bsk_live_[0-9A-Za-z]{24}\b/);
    expect(text(3)).toMatch(/\bxoxb-\d{12}-\d{13}-[A-Za-z0-9]{24}\b/);
    expect(text(5)).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n(?:[A-Za-z0-9+/]{64}\n)+-----END RSA PRIVATE KEY-----$/);
    expect(text(6)).toMatch(/postgres:\/\/app_[a-z]{5}:[A-Za-z0-9]{20}@/);
    expect(text(7)).toMatch(/Bearer eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{43}'/);
  });

  it('gives GitHub tokens a valid CRC32 checksum', () => {
    const token = /ghp_([0-9A-Za-z]{30})([0-9A-Za-z]{6})/.exec(secrets[4]?.lines[0] ?? '');
    expect(token).not.toBeNull();
    expect(base62(crc32(token?.[1] ?? '') >>> 0)).toBe(token?.[2]);
  });
});
