import { FINGERPRINT_SHAPE, isFingerprint } from './is-fingerprint.js';
import { suppressionFileError } from './suppression-file-error.js';

/** One fingerprint listed in the ignore file. */
export interface IgnoreEntry {
  fingerprint: string;
  /** 1-based line of the file it is on. */
  line: number;
}

// A comment is a whole line starting with `#`, or `#` after whitespace at the end of a line.
const TRAILING_COMMENT = /\s#.*$/;

/**
 * Parses ignore file text: one fingerprint per line; `#` comments, whole-line or after
 * whitespace; blank lines and surrounding whitespace ignored; CRLF accepted. `file` names the
 * file in messages. Throws a ScanError (exit 2) naming every bad line as `file:line`.
 */
export function parseIgnoreFile(text: string, file: string): IgnoreEntry[] {
  const entries: IgnoreEntry[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const content = raw.replace(TRAILING_COMMENT, '').trim();
    if (content === '' || content.startsWith('#')) return;
    if (isFingerprint(content)) entries.push({ fingerprint: content, line: index + 1 });
    else problems.push(`${file}:${index + 1}: not a fingerprint: expected ${FINGERPRINT_SHAPE}, optionally followed by a # comment`);
  });
  if (problems.length > 0) throw suppressionFileError('ignore', problems, 'copy fingerprints from a JSON or SARIF report (`secretscan scan --format json`)');
  return entries;
}
