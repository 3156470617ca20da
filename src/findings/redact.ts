import { flatString } from './flat-string.js';

/** Values shorter than this (in characters) show none of their characters in a preview. */
export const PREVIEW_MIN_LENGTH = 16;

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The only printable form of a secret: `…` and the length in characters, preceded by the first 4
 * characters only for values of PREVIEW_MIN_LENGTH characters or more (where at least 12 stay
 * hidden). A short value (a password) reveals nothing: each shown character would cut the work
 * of guessing it from its id by the size of the alphabet.
 */
export function redact(secret: string): string {
  // Counted in characters (code points); without surrogates that is the length, with no array.
  const chars = SURROGATE.test(secret) ? [...secret] : undefined;
  const length = chars === undefined ? secret.length : chars.length;
  const shown = length < PREVIEW_MIN_LENGTH ? '' : chars === undefined ? secret.slice(0, 4) : chars.slice(0, 4).join('');
  return flatString(`${shown}…(${length})`);
}
