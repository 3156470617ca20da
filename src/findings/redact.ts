/** Values shorter than this (in characters) show none of their characters in a preview. */
export const PREVIEW_MIN_LENGTH = 16;

/**
 * The only printable form of a secret: `…` and the length in characters, preceded by the first 4
 * characters only for values of PREVIEW_MIN_LENGTH characters or more (where at least 12 stay
 * hidden). A short value (a password) reveals nothing: each shown character would cut the work
 * of guessing it from its id by the size of the alphabet.
 */
export function redact(secret: string): string {
  const chars = [...secret];
  const shown = chars.length >= PREVIEW_MIN_LENGTH ? chars.slice(0, 4).join('') : '';
  return `${shown}…(${chars.length})`;
}
