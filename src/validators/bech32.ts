import { INVALID, VALID, type Verdict } from './types.js';

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: readonly number[]): number {
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i++) if (((top >>> i) & 1) === 1) checksum ^= GENERATOR[i] as number;
  }
  return checksum;
}

/**
 * Bech32 strings (BIP 173) end in a 6-character checksum over the human-readable part and the
 * data: age identities (`AGE-SECRET-KEY-1…`) are Bech32 written upper-case. A wrong checksum is
 * a typo or a made-up string, not a key age would accept.
 */
export function validateBech32Checksum(secret: string): Verdict {
  const lower = secret.toLowerCase();
  const separator = lower.lastIndexOf('1');
  if (separator < 1 || lower.length - separator < 7) return INVALID;
  const hrp = lower.slice(0, separator);
  const data = [...lower.slice(separator + 1)].map((char) => CHARSET.indexOf(char));
  if (data.some((value) => value < 0)) return INVALID;
  const expanded = [...[...hrp].map((char) => char.charCodeAt(0) >> 5), 0, ...[...hrp].map((char) => char.charCodeAt(0) & 31)];
  return polymod([...expanded, ...data]) === 1 ? VALID : INVALID;
}
