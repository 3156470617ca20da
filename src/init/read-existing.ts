import { lstat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { ScanError } from '../errors.js';
import { readFailure, readRegularFile } from '../safe-fs/index.js';

/** The largest file init reads (package.json, a hook): anything bigger is not one we should edit. */
const MAX_FILE_BYTES = 1024 * 1024;

function cannotRead(path: string, error: unknown): ScanError {
  return new ScanError('E_IO', `cannot read ${path} (${readFailure(error)})`, { cause: error, hint: 'check its permissions, then run `secretscan init` again' });
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** A refusal (exit 2): init found something at `path` it must not write through or into. */
export function refuseTarget(shown: string, what: string): ScanError {
  return new ScanError('E_USAGE', `${shown} ${what}: secretscan init writes only regular files, and never through a link (it could change a file outside the repository); nothing was written`, {
    hint: `replace ${shown} with a regular file or folder, or add the secretscan check to your set-up yourself (see the README, "Add secretscan to your project")`,
  });
}

async function lstatIfExists(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw cannotRead(path, error);
  }
}

/**
 * Checks every component of `path` below `base` (the repository root, the git dir or the hooks
 * folder): none may be a symbolic link, and each one above the last must be a folder. Returns
 * whether `path` itself exists. `shown` is the path as messages name it.
 */
export async function checkTargetPath(base: string, path: string, shown: string): Promise<boolean> {
  const inside = relative(base, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw new Error(`${path} is not below ${base}`);
  const parts = inside.split(sep);
  const insidePosix = parts.join('/');
  const prefix = shown.endsWith(insidePosix) ? shown.slice(0, shown.length - insidePosix.length) : '';
  let current = base;
  for (const [index, part] of parts.entries()) {
    current = join(current, part);
    const stats = await lstatIfExists(current);
    if (stats === undefined) return false;
    const name = index === parts.length - 1 ? shown : `${prefix}${parts.slice(0, index + 1).join('/')} (on the way to ${shown})`;
    if (stats.isSymbolicLink()) throw refuseTarget(name, 'is a symbolic link');
    if (index < parts.length - 1 && !stats.isDirectory()) throw refuseTarget(name, 'is not a folder');
  }
  return true;
}

/**
 * The text of the regular file at `path`, or undefined when nothing is there. A link anywhere
 * below `base`, a folder or device in its place, or a file over 1 MiB is refused (exit 2).
 */
export async function readTargetFile(base: string, path: string, shown: string): Promise<string | undefined> {
  if (!(await checkTargetPath(base, path, shown))) return undefined;
  const stats = await lstatIfExists(path);
  if (stats === undefined) return undefined;
  if (!stats.isFile()) throw refuseTarget(shown, 'is not a regular file');
  if (stats.size > MAX_FILE_BYTES) throw refuseTarget(shown, `is larger than ${MAX_FILE_BYTES} bytes`);
  try {
    // Checked above; read without following a link or blocking on a device swapped in since.
    return (await readRegularFile(path, { maxBytes: MAX_FILE_BYTES })).toString('utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw refuseTarget(shown, 'is a symbolic link');
    if (code === 'ENOTREG') throw refuseTarget(shown, 'is not a regular file');
    if (code === 'EFBIG') throw refuseTarget(shown, `is larger than ${MAX_FILE_BYTES} bytes`);
    throw cannotRead(path, error);
  }
}

/** True when something (a file, a directory, a symlink even if dangling) is at `path`. */
export async function pathExists(path: string): Promise<boolean> {
  return (await lstatIfExists(path)) !== undefined;
}
