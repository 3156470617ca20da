import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { ByteChunk } from '../engine/index.js';
import type { ScanProblem, SkippedFile } from '../findings/index.js';
import { readRegularFileSync } from '../safe-fs/index.js';

/** What reading produced besides chunks; the caller puts these in the ScanResult. */
export interface ReadOutcome {
  skipped: SkippedFile[];
  problems: ScanProblem[];
}

/** How long reading and scanning may hold the thread before the event loop gets a turn. */
const YIELD_EVERY_MS = 20;

type ReadResult = { chunk: ByteChunk } | { skipped: SkippedFile } | { problem: ScanProblem };

function readOne(root: string, path: string, maxFileSize: number): ReadResult {
  const full = join(root, path);
  try {
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) return { skipped: { path, reason: 'symlink' } };
    // git lists a submodule as one path, which is a directory in the work tree.
    if (stat.isDirectory()) return { skipped: { path, reason: 'submodule' } };
    if (!stat.isFile()) return { skipped: { path, reason: 'not-a-file' } };
    if (stat.size > maxFileSize) return { skipped: { path, reason: 'too-large', size: stat.size } };
    // Decoding and the binary check happen on the thread that scans the file.
    // Opened without following links and checked again on the open file: a file swapped for a
    // link or a device (`/dev/zero`) after the lstat is still refused, and reading stops at the limit.
    return { chunk: { origin: 'tree', path, bytes: readRegularFileSync(full, { maxBytes: maxFileSize }), startLine: 1 } };
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
 * Reads `paths` (relative to `root`) as byte chunks, one after another on this thread: a few
 * system calls each, cheaper than a promise and a thread-pool round trip per call, while matching
 * runs on the workers. Symlinks, non-files and oversized files are recorded in `outcome.skipped`;
 * unreadable files in `outcome.problems`.
 */
export async function* readFiles(root: string, paths: readonly string[], maxFileSize: number, outcome: ReadOutcome): AsyncGenerator<ByteChunk> {
  let turned = performance.now();
  for (const path of paths) {
    // Sync reads and in-process matching never leave the microtask queue: let the event loop turn
    // every few milliseconds so that --timeout's timer and Ctrl-C's handler can stop the scan.
    if (performance.now() - turned > YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      turned = performance.now();
    }
    const result = readOne(root, path, maxFileSize);
    if ('chunk' in result) yield result.chunk;
    else if ('skipped' in result) outcome.skipped.push(result.skipped);
    else outcome.problems.push(result.problem);
  }
}
