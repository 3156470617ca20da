/**
 * The only printable form of a secret: at most 4 leading characters (fewer for short values,
 * so that at least three quarters stay hidden), then `…` and the length in characters.
 */
export function redact(secret: string): string {
  const length = [...secret].length;
  const shown = Math.min(4, Math.floor(length / 4));
  return `${[...secret].slice(0, shown).join('')}…(${length})`;
}
