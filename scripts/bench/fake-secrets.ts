import { crc32 } from 'node:zlib';
import type { Random } from './prng.js';

// Fake credentials with the right shape, generated at run time from the seeded PRNG. They are not
// real keys. Prefixes and PEM labels are assembled from parts so that this file does not itself
// look like it holds a secret to a scanner.

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const BASE32 = `${UPPER}234567`;
const BASE64 = `${ALNUM}+/`;
const BASE62 = DIGITS + UPPER + LOWER;
const POSTGRES = 'postgres';

/** A planted secret: its kind and the lines to insert into a file. */
export interface FakeSecret {
  kind: string;
  lines: string[];
}

function base62(value: number, width: number): string {
  let out = '';
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) out = (BASE62[rest % 62] ?? '') + out;
  return out.padStart(width, '0');
}

function githubToken(r: Random): string {
  const body = r.chars(ALNUM, 30);
  return `${['gh', 'p_'].join('')}${body}${base62(crc32(body) >>> 0, 6)}`;
}

function pemBlock(r: Random): string[] {
  const label = ['RSA', 'PRIVATE', 'KEY'].join(' ');
  const body = Array.from({ length: r.int(12, 25) }, () => r.chars(BASE64, 64));
  return [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`];
}

function jwt(r: Random): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = part({ alg: 'HS256', typ: 'JWT' });
  const payload = part({ sub: r.chars(DIGITS, 10), name: r.chars(LOWER, 8), iat: r.int(1_500_000_000, 1_700_000_000) });
  return `${header}.${payload}.${r.chars(`${ALNUM}-_`, 43)}`;
}

/** The makers, one per kind; planting cycles through them in this order. */
export const FAKE_SECRET_MAKERS: ReadonlyArray<(r: Random) => FakeSecret> = [
  (r) => ({ kind: 'aws access key id', lines: [`AWS_ACCESS_KEY_ID=${['AK', 'IA'].join('')}${r.chars(BASE32, 16)}`] }),
  (r) => ({ kind: 'aws secret access key', lines: [`aws_secret_access_key = ${r.chars(BASE64, 40)}`] }),
  (r) => ({ kind: 'stripe live secret key', lines: [`const stripe = new Stripe('${['sk', 'live', ''].join('_')}${r.chars(ALNUM, 24)}');`] }),
  (r) => ({ kind: 'slack bot token', lines: [`  "slackToken": "${['xo', 'xb'].join('')}-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 13)}-${r.chars(ALNUM, 24)}",`] }),
  (r) => ({ kind: 'github personal access token', lines: [`GITHUB_TOKEN=${githubToken(r)}`] }),
  (r) => ({ kind: 'pem private key', lines: pemBlock(r) }),
  (r) => ({ kind: 'postgres url with password', lines: [`DATABASE_URL=${POSTGRES}://app_${r.chars(LOWER, 5)}:${r.chars(ALNUM, 20)}@db-${r.int(1, 9)}.internal:5432/app`] }),
  (r) => ({ kind: 'jwt', lines: [`    headers: { Authorization: 'Bearer ${jwt(r)}' },`] }),
];

/** The n-th planted secret (0-based): kinds cycle so every kind is planted about equally often. */
export function makeFakeSecret(r: Random, n: number): FakeSecret {
  const maker = FAKE_SECRET_MAKERS[n % FAKE_SECRET_MAKERS.length] as (r: Random) => FakeSecret;
  return maker(r);
}
