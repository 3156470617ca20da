import { INVALID, VALID, type Verdict } from './types.js';

function decodeJson(part: string): unknown {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(part)) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A JWT is `header.payload.signature` where the header decodes to a JSON object naming its `alg`
 * and the payload decodes to JSON. Random dotted base64 (build hashes, ids) fails this.
 */
export function validateJwtStructure(secret: string): Verdict {
  const parts = secret.split('.');
  if (parts.length !== 3) return INVALID;
  const header = decodeJson(parts[0] ?? '');
  if (typeof header !== 'object' || header === null || typeof (header as { alg?: unknown }).alg !== 'string') return INVALID;
  return decodeJson(parts[1] ?? '') === undefined ? INVALID : VALID;
}
