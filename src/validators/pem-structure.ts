import { INVALID, VALID, type Verdict } from './types.js';

const HEADER_LINE = /^(?:Proc-Type|DEK-Info|Comment):/;

/**
 * A private-key block must open and close with the same label and carry a base64 body of at
 * least 64 characters (encrypted-PEM headers allowed). Snippets such as `BEGIN ... END` with
 * an ellipsis or a one-line stub are documentation, not keys.
 */
export function validatePemStructure(secret: string): Verdict {
  const begin = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----/.exec(secret);
  if (begin === null) return VALID;
  const label = begin[1] ?? '';
  const endMarker = `-----END ${label}-----`;
  const endAt = secret.indexOf(endMarker, begin.index);
  if (endAt < 0) return INVALID;
  const lines = secret
    .slice(begin.index + begin[0].length, endAt)
    .split(/\r?\n|\\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !HEADER_LINE.test(line));
  const body = lines.join('');
  return /^[A-Za-z0-9+/=]{64,}$/.test(body) ? VALID : INVALID;
}
