import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, lstat, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { ScanError } from '../errors.js';

/** Options of writeFileSafely. */
export interface WriteOptions {
  /** Permission bits of a new file. Default: 0o666 less the umask. An existing file keeps its own. */
  mode?: number;
  /**
   * The directory the path is meant to stay in (the repository, the workspace): no directory between
   * it and the file may be a symlink. A path outside `root` is not checked.
   */
  root?: string;
  /**
   * Whether a path the user named may be a device or pipe, reached directly or through a symlink
   * (`/dev/stdout`, `/dev/null`, `>(cmd)`): it is written in place. Default: false.
   */
  mayBeDevice?: boolean;
  /** Make the file executable (0755 when new; an existing file gains the x bits). Default: false. */
  isExecutable?: boolean;
  /** Create missing directories (after checking the existing ones against `root`). Default: false. */
  shouldCreateDirectories?: boolean;
}

function ioError(path: string, error: unknown): ScanError {
  if (error instanceof ScanError) return error;
  return new ScanError('E_IO', `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
    cause: error,
    hint: 'check that the directory exists and is writable',
  });
}

function refuse(path: string, what: string): ScanError {
  return new ScanError('E_IO', `not writing ${path}: ${what}`, { hint: 'remove the link, or choose another path' });
}

/** Throws when a directory between `root` and `dir` (both absolute) is a symlink. */
async function assertNoLinkedDirectory(root: string, dir: string): Promise<void> {
  const rel = relative(root, dir);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return;
  let current = root;
  for (const part of rel.split(sep)) {
    current = join(current, part);
    const info = await lstat(current).catch(() => undefined);
    if (info === undefined) return; // created later by the caller, or missing: the open fails then
    if (info.isSymbolicLink()) throw refuse(current, 'it is a symbolic link to a directory');
  }
}

/** What writeFileSafely writes: text, bytes, or text produced piece by piece (a report too large to hold whole). */
export type FileData = string | Uint8Array | AsyncIterable<string>;

async function writeData(handle: FileHandle, data: FileData): Promise<void> {
  if (typeof data === 'string' || data instanceof Uint8Array) {
    await handle.writeFile(data);
    return;
  }
  // Small pieces (one finding each) are gathered into writes of about 256 KiB: a write per piece
  // costs a system call each.
  let pending: string[] = [];
  let size = 0;
  for await (const piece of data) {
    pending.push(piece);
    size += piece.length;
    if (size < 256 * 1024) continue;
    await handle.write(pending.join(''));
    [pending, size] = [[], 0];
  }
  if (pending.length > 0) await handle.write(pending.join(''));
}

async function writeInPlace(path: string, data: FileData): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_APPEND);
  try {
    await writeData(handle, data);
  } finally {
    await handle.close();
  }
}

/**
 * Writes `data` to `path` without ever following a symlink: the text goes to a new temporary file
 * in the same directory (created exclusively, so a planted link is not followed either), is flushed,
 * takes the mode of the file it replaces, and is renamed over it. A crash leaves the old file or
 * the new one, never half of either. A symlink at `path` is refused, except a link to a device or
 * pipe when `mayBeDevice` is set.
 */
export async function writeFileSafely(path: string, data: FileData, options: WriteOptions = {}): Promise<void> {
  try {
    if (options.root !== undefined) await assertNoLinkedDirectory(options.root, dirname(path));
    if (options.shouldCreateDirectories === true) await mkdir(dirname(path), { recursive: true });
    const existing = await lstat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (existing?.isSymbolicLink() === true) {
      const target = options.mayBeDevice === true ? await stat(path).catch(() => undefined) : undefined;
      if (target === undefined || target.isFile() || target.isDirectory()) throw refuse(path, 'it is a symbolic link');
      await writeInPlace(path, data);
      return;
    }
    if (existing !== undefined && existing.isDirectory()) throw new ScanError('E_IO', `cannot write ${path}: it is a directory`);
    if (existing !== undefined && !existing.isFile()) {
      if (options.mayBeDevice !== true) throw refuse(path, 'it is not a regular file');
      await writeInPlace(path, data);
      return;
    }
    const execBits = options.isExecutable === true ? 0o111 : 0;
    const mode = existing === undefined ? (options.mode ?? (execBits === 0 ? undefined : 0o755)) : (existing.mode & 0o7777) | execBits;
    await replaceFile(path, data, mode);
  } catch (error) {
    throw ioError(path, error);
  }
}

async function replaceFile(path: string, data: FileData, mode: number | undefined): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode ?? 0o666);
    try {
      await writeData(handle, data);
      // The mode given at creation is cut by the umask; a replaced file keeps exactly its own.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
