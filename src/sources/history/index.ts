import type { ScanInput } from '../../engine/index.js';
import { groupBySecret, type ScanResult, type ValuePlace } from '../../findings/index.js';
import type { ReadOutcome } from '../read-files.js';
import { historyChunks, isShallowRepository, type HistoryStats } from './history-chunks.js';
import { countReachableBlobs } from './count-blobs.js';
import { blobProvenance, headBlobs, headCommitSha } from './provenance.js';

export type { HistoryStats } from './history-chunks.js';

/** A history audit: its chunks, and the step that turns per-blob findings into one per secret. */
export interface HistorySource {
  chunks: AsyncIterable<ScanInput>;
  stats: HistoryStats;
  /** Counts a blob the scanner found to be binary (only its printable runs were scanned). */
  onBinary: () => void;
  /** How many blobs the audit will read: a second, content-free walk, worth it only to show an ETA. */
  countTotal: () => Promise<number>;
  /**
   * Adds provenance, groups by secret (with every other place each secret's value sits, when
   * given), applies path allowlists per occurrence, and adds notices.
   */
  finish: (result: ScanResult, valuePlaces?: ReadonlyMap<string, readonly ValuePlace[]>) => Promise<ScanResult>;
  /** The same blobs and messages read again (for the second pass that looks for found values), counting nothing. */
  reread: () => AsyncIterable<ScanInput>;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Opens a history audit of the repository at `root` (bare or not). */
export function historySource(root: string, maxFileSize: number, outcome: ReadOutcome, isPathSuppressed: (path: string) => boolean): HistorySource {
  const stats: HistoryStats = { commits: 0, blobs: 0, bytes: 0, binaryBlobs: 0 };
  const finish = async (result: ScanResult, valuePlaces?: ReadonlyMap<string, readonly ValuePlace[]>): Promise<ScanResult> => {
    const wanted = new Set(result.findings.flatMap((f) => (f.blob === undefined ? [] : [f.blob])));
    for (const list of valuePlaces?.values() ?? []) for (const place of list) if (place.blob !== undefined) wanted.add(place.blob);
    const [{ places, removals }, head, headCommit, isShallow] = await Promise.all([blobProvenance(root, wanted), headBlobs(root), headCommitSha(root), isShallowRepository(root)]);
    const grouped = groupBySecret(result.findings, { places, removals, headBlobs: head, ...(headCommit === undefined ? {} : { headCommit }), isPathSuppressed, ...(valuePlaces === undefined ? {} : { valuePlaces }) });
    const notices = [
      `history: ${plural(stats.commits, 'commit')} and ${plural(stats.blobs, 'unique blob')} (${(stats.bytes / 1e6).toFixed(1)} MB) read; ${plural(stats.binaryBlobs, 'binary blob')} scanned for printable strings (provider rules only)`,
    ];
    if (isShallow) {
      notices.push(`this clone is shallow: the audit covers only ${plural(stats.commits, 'commit')}${stats.oldestDate ? `, back to ${stats.oldestDate}` : ''}; run \`git fetch --unshallow\` to audit the whole history`);
    }
    if (stats.commits === 0) notices.push('the repository has no commits yet: there is no history to audit');
    return {
      ...result,
      findings: grouped.findings,
      suppressed: { ...result.suppressed, paths: result.suppressed.paths + grouped.suppressedPaths },
      notices: [...(result.notices ?? []), ...notices],
    };
  };
  return {
    chunks: historyChunks(root, maxFileSize, outcome, stats),
    stats,
    finish,
    onBinary: () => void stats.binaryBlobs++,
    countTotal: () => countReachableBlobs(root),
    reread: () => historyChunks(root, maxFileSize, { skipped: [], problems: [] }, { commits: 0, blobs: 0, bytes: 0, binaryBlobs: 0 }),
  };
}
