import type { BaselineEntry } from './baseline-file.js';

/**
 * The one-line description of a rewritten baseline: `3 entries (1 added, 2 removed)`,
 * `3 entries (unchanged)`, or just `3 entries` when there was no readable previous file.
 */
export function describeBaselineChange(previous: readonly BaselineEntry[] | undefined, next: readonly BaselineEntry[]): string {
  const count = `${next.length} ${next.length === 1 ? 'entry' : 'entries'}`;
  if (previous === undefined) return count;
  const before = new Set(previous.map((entry) => entry.fingerprint));
  const after = new Set(next.map((entry) => entry.fingerprint));
  const added = [...after].filter((fingerprint) => !before.has(fingerprint)).length;
  const removed = [...before].filter((fingerprint) => !after.has(fingerprint)).length;
  return added === 0 && removed === 0 ? `${count} (unchanged)` : `${count} (${added} added, ${removed} removed)`;
}
