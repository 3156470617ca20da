import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ByteChunk } from '../engine/index.js';
import type { ScanProblem, SkippedFile } from '../findings/index.js';
import { readRegularFile } from '../safe-fs/index.js';

/** How many files are read at once. */
const READ_CONCURRENCY = 16;

/** What reading produced besides chunks; the caller puts these in the ScanResult. */
export interface ReadOutcome {
  skipped: SkippedFile[];
  problems: ScanProblem[];
}

type ReadResult = { chunk: ByteChunk } | { skipped: SkippedFile } | { problem: ScanProblem };

async function readOne(root: string, path: string, maxFileSize: number): Promise<ReadResult> {
  const full = join(root, path);
  try {
    const stat = await lstat(full);
    if (stat.isSymbolicLink()) return { skipped: { path, reason: 'symlink' } };
    // git lists a submodule as one path, which is a directory in the work tree.
    if (stat.isDirectory()) return { skipped: { path, reason: 'submodule' } };
    if (!stat.isFile()) return { skipped: { path, reason: 'not-a-file' } };
    if (stat.size > maxFileSize) return { skipped: { path, reason: 'too-large', size: stat.size } };
    // Decoding and the binary check happen on the thread that scans the file.
    // Opened without following links and checked again on the open file: a file swapped for a
    // link or a device (`/dev/zero`) after the lstat is still refused, and reading stops at the limit.
    return { chunk: { origin: 'tree', path, bytes: await readRegularFile(full, { maxBytes: maxFileSize }), startLine: 1 } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { skipped: { path, reason: 'missing' } };
    if (code === 'ELOOP') return { skipped: { path, reason: 'symlink' } };
    if (code === 'ENOTREG') return { skipped: { path, reason: 'not-a-file' } };
    if (code === 'EFBIG') return { skipped: { path, reason: 'too-large', size: maxFileSize + 1 } };
    return { problem: { path, message: `cannot read: ${code ?? (error instanceof Error ? error.message : String(error))}` } };
  }
}

/**
 * Reads `paths` (relative to `root`) as byte chunks, a few at a time. Symlinks, non-files and
 * oversized files are recorded in `outcome.skipped`; unreadable files in `outcome.problems`.
 */
export async function* readFiles(root: string, paths: readonly string[], maxFileSize: number, outcome: ReadOutcome): AsyncGenerator<ByteChunk> {
  const readBatch = (at: number) => Promise.all(paths.slice(at, at + READ_CONCURRENCY).map((p) => readOne(root, p, maxFileSize)));
  let next = paths.length > 0 ? readBatch(0) : undefined;
  for (let at = 0; next !== undefined; at += READ_CONCURRENCY) {
    const batch = await next;
    // Read the next batch while the caller scans this one.
    next = at + READ_CONCURRENCY < paths.length ? readBatch(at + READ_CONCURRENCY) : undefined;
    for (const result of batch) {
      if ('chunk' in result) yield result.chunk;
      else if ('skipped' in result) outcome.skipped.push(result.skipped);
      else outcome.problems.push(result.problem);
    }
  }
}
