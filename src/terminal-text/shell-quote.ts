import { printable } from './printable.js';

const PLAIN = /^[\w@%+=:,./-]+$/;

/**
 * Quotes a word (a path, a remote name) for a shell command the user is told to run; plain words
 * stay as they are. A word holding control or bidi characters is written in ANSI-C quoting
 * (`$'…\x1b…'`, which bash and zsh read back to the same bytes), so the command stays correct
 * when copied and nothing reaches the terminal raw.
 */
export function shellQuote(word: string): string {
  if (PLAIN.test(word)) return word;
  const escaped = printable(word);
  if (escaped === word) return `'${word.replace(/'/g, `'\\''`)}'`;
  return `$'${printable(word.replace(/\\/g, '\\\\').replace(/'/g, "\\'"))}'`;
}
