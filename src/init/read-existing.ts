import { lstat } from 'node:fs/promises';
import { ScanError } from '../errors.js';
import { readFailure, readTextFile } from '../safe-fs/index.js';

function cannotRead(path: string, error: unknown): ScanError {
  const reason = readFailure(error);
  return new ScanError('E_IO', `cannot read ${path} (${reason})`, { cause: error, hint: 'check its permissions, then run `secretscan init` again' });
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The file's text, or undefined when it does not exist. */
export async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await readTextFile(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw cannotRead(path, error);
  }
}

/** True when something (a file, a directory, a symlink even if dangling) is at `path`. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw cannotRead(path, error);
  }
}
