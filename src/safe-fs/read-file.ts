import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Options of readRegularFile. */
export interface ReadOptions {
  /** At most this many bytes; a larger file fails with code EFBIG (or is cut, with `shouldTruncate`). */
  maxBytes: number;
  /** Follow a symlink at the path itself (for paths the user named). Default: false (code ELOOP). */
  shouldFollowSymlink?: boolean;
  /** Return the first `maxBytes` of a larger file instead of failing. Default: false. */
  shouldTruncate?: boolean;
}

/** An error with a Node-style `code`: ENOENT, ELOOP (a symlink), ENOTREG (a device, pipe or directory), EFBIG. */
export function fileError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/**
 * Reads a regular file, and nothing else: a device (`/dev/zero`), a pipe or a socket is refused
 * without reading a byte (opened non-blocking, checked with fstat on the open handle, so nothing
 * can be swapped in between), a symlink is refused unless `shouldFollowSymlink`, and reading stops
 * at `maxBytes` even if the file grows meanwhile.
 */
export async function readRegularFile(path: string, options: ReadOptions): Promise<Buffer> {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.shouldFollowSymlink === true ? 0 : constants.O_NOFOLLOW);
  const handle = await open(path, flags).catch((error: NodeJS.ErrnoException) => {
    // Linux says ELOOP for O_NOFOLLOW on a link; some systems say EMLINK.
    throw error.code === 'EMLINK' ? fileError('ELOOP', `${path} is a symbolic link`) : error;
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw fileError('ENOTREG', `${path} is not a regular file`);
    if (info.size > options.maxBytes && options.shouldTruncate !== true) throw fileError('EFBIG', `${path} is larger than ${options.maxBytes} bytes`);
    return await readAtMost(handle, options.maxBytes + 1, Math.min(info.size, options.maxBytes) + 1).then((bytes) => {
      if (bytes.length <= options.maxBytes) return bytes;
      if (options.shouldTruncate === true) return bytes.subarray(0, options.maxBytes);
      throw fileError('EFBIG', `${path} is larger than ${options.maxBytes} bytes`);
    });
  } finally {
    await handle.close();
  }
}

/**
 * readRegularFile without the thread pool: the same checks and limits in four system calls on
 * the calling thread. For reading many small files back to back (a working-tree scan), where a
 * promise and a pool round trip per call cost more than the calls themselves.
 */
export function readRegularFileSync(path: string, options: ReadOptions): Buffer {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.shouldFollowSymlink === true ? 0 : constants.O_NOFOLLOW);
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'EMLINK' ? fileError('ELOOP', `${path} is a symbolic link`) : error;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw fileError('ENOTREG', `${path} is not a regular file`);
    if (info.size > options.maxBytes && options.shouldTruncate !== true) throw fileError('EFBIG', `${path} is larger than ${options.maxBytes} bytes`);
    const limit = options.maxBytes + 1;
    let buffer = Buffer.allocUnsafe(Math.max(1, Math.min(info.size, options.maxBytes) + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length >= limit) break;
        const grown = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    const bytes = buffer.subarray(0, length);
    if (bytes.length <= options.maxBytes) return bytes;
    if (options.shouldTruncate === true) return bytes.subarray(0, options.maxBytes);
    throw fileError('EFBIG', `${path} is larger than ${options.maxBytes} bytes`);
  } finally {
    closeSync(fd);
  }
}

async function readAtMost(handle: import('node:fs/promises').FileHandle, limit: number, initial: number): Promise<Buffer> {
  let buffer = Buffer.allocUnsafe(Math.max(1, initial));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) break;
      const grown = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}

/** Reads a stream (standard input) up to `maxBytes + 1` bytes, then stops reading it. */
export async function readStreamAtMost(stream: AsyncIterable<Buffer | string>, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const part of stream) {
    const piece = typeof part === 'string' ? Buffer.from(part) : part;
    parts.push(piece);
    length += piece.length;
    if (length > maxBytes) break;
  }
  return Buffer.concat(parts, length).subarray(0, Math.min(length, maxBytes + 1));
}

/** Cap for the small files secretscan reads itself (config, baseline, ignore file, package.json): 64 MiB. */
export const MAX_DATA_FILE_SIZE = 64 * 1024 * 1024;

/** readRegularFile as UTF-8 text; `maxBytes` defaults to MAX_DATA_FILE_SIZE. */
export async function readTextFile(path: string, options: Partial<ReadOptions> = {}): Promise<string> {
  return (await readRegularFile(path, { maxBytes: MAX_DATA_FILE_SIZE, ...options })).toString('utf8');
}

/** Why a read failed, for a message: "it is a symbolic link", "ENOENT", ... */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'it is a symbolic link (not followed)';
  if (code === 'ENOTREG') return 'it is not a regular file';
  if (code === 'EFBIG') return 'it is too large';
  return code ?? (error instanceof Error ? error.message : String(error));
}
