import type { ScanInput } from '../../engine/index.js';
import { gitText } from '../git-process.js';
import type { ReadOutcome } from '../read-files.js';
import { reachableBlobs } from './blob-stream.js';
import { commitMessageChunks } from './commit-messages.js';

/** What the history walk saw, for notices and --debug. */
export interface HistoryStats {
  commits: number;
  blobs: number;
  /** Bytes of blob content read. */
  bytes: number;
  /** Binary blobs, of which only printable runs were scanned (see HistorySource.onBinary). */
  binaryBlobs: number;
  /** Author date of the oldest commit seen (ISO 8601), when any. */
  oldestDate?: string;
}

/**
 * Chunks for a history audit: every unique blob once (named by the first path rev-list reached it
 * by; the real paths come from provenance later) and every commit message. Binary and oversized
 * blobs are skipped and counted; objects a shallow or partial clone lacks are counted as missing.
 */
export async function* historyChunks(root: string, maxFileSize: number, outcome: ReadOutcome, stats: HistoryStats): AsyncGenerator<ScanInput> {
  yield* commitMessageChunks(root, stats);
  for await (const object of reachableBlobs(root)) {
    const path = object.rest === '' ? object.sha : object.rest;
    if (object.type === 'missing') {
      // Reachable but unreadable: corrupt, or not fetched (a partial clone). Either way this blob
      // was not scanned, so the audit cannot call the history clean.
      outcome.problems.push({ path: object.rest === '' ? object.sha : `${object.rest} (blob ${object.sha})`, message: 'git cannot read this object (corrupt, or not fetched in a partial clone; `git fsck` tells which)' });
      continue;
    }
    stats.blobs++;
    stats.bytes += object.size;
    if (object.size > maxFileSize) {
      outcome.skipped.push({ path, reason: 'too-large', size: object.size, blob: object.sha });
      continue;
    }
    // Decoding (and the binary check) happens on the thread that scans the blob.
    yield { origin: 'history', path, bytes: object.content, startLine: 1, blob: object.sha };
  }
}

/** Whether the repository is a shallow clone (its history is cut off). */
export async function isShallowRepository(root: string): Promise<boolean> {
  return (await gitText(root, ['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
}
