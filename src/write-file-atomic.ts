import { randomBytes } from 'node:crypto';
import { lstat, open, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ScanError } from './errors.js';

/** Where to write: the file itself, or through a symlink to its target; and whether it is a regular file. */
async function resolveTarget(path: string): Promise<{ target: string; isSpecial: boolean }> {
  const stat = await lstat(path).catch(() => undefined);
  if (stat === undefined) return { target: path, isSpecial: false };
  if (stat.isSymbolicLink()) return resolveTarget(await realpath(path));
  return { target: path, isSpecial: !stat.isFile() };
}

function ioError(path: string, error: unknown): ScanError {
  return new ScanError('E_IO', `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
    cause: error,
    hint: 'check that the directory exists and is writable',
  });
}

/**
 * Writes `text` to `path` atomically: a temporary file in the same directory, flushed to disk,
 * then renamed over the target. A crash leaves either the old report or the new one, never half.
 * A symlink is followed (the link stays a link); a device or pipe such as `/dev/null` or
 * `/dev/stdout` is written directly, since renaming over it would replace the device.
 */
export async function writeFileAtomic(path: string, text: string, mode = 0o644): Promise<void> {
  const { target, isSpecial } = await resolveTarget(path).catch((error: unknown) => {
    throw ioError(path, error);
  });
  if (isSpecial) {
    await writeFile(target, text, 'utf8').catch((error: unknown) => {
      throw ioError(path, error);
    });
    return;
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw ioError(path, error);
  }
}
