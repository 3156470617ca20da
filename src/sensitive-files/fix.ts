import { readFailure, readTextFile, writeFileSafely } from '../safe-fs/index.js';
import { join } from 'node:path';
import { ScanError } from '../errors.js';
import type { MissingLines } from './types.js';

/** The comment that opens the block `--fix` appends. */
export const FIX_HEADER = '# secretscan: secret-bearing files';

/**
 * `.gitignore` text with `lines` appended under FIX_HEADER, or undefined when every line is already
 * there (so a second run changes nothing). Keeps the file's line endings (CRLF when it uses them)
 * and whether it ends with a newline; `existing` undefined means the file does not exist yet.
 */
export function appendGitignoreLines(existing: string | undefined, lines: readonly string[]): string | undefined {
  const text = existing ?? '';
  const present = new Set(text.split(/\r?\n/).map((line) => line.trim()));
  const toAdd = [...new Set(lines)].filter((line) => !present.has(line));
  if (toAdd.length === 0) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const endsWithNewline = text === '' || text.endsWith('\n');
  const block = [FIX_HEADER, ...toAdd].join(eol);
  const prefix = text === '' ? '' : endsWithNewline ? `${text}${eol}` : `${text}${eol}${eol}`;
  return `${prefix}${block}${endsWithNewline ? eol : ''}`;
}

/** Appends the missing lines to `root/.gitignore` (creating it); returns the lines written. */
export async function applyGitignoreFix(root: string, missing: readonly MissingLines[]): Promise<string[]> {
  const file = join(root, '.gitignore');
  let existing: string | undefined;
  try {
    existing = await readTextFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new ScanError('E_IO', `cannot read ${file}: ${readFailure(error)}`, { cause: error });
  }
  const lines = missing.flatMap((entry) => entry.lines);
  const next = appendGitignoreLines(existing, lines);
  if (next === undefined) return [];
  await writeFileSafely(file, next, { root });
  const present = new Set((existing ?? '').split(/\r?\n/).map((line) => line.trim()));
  return [...new Set(lines)].filter((line) => !present.has(line));
}
