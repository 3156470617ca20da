import { compareStrings, type Finding } from '../findings/index.js';

/** The only baseline format version this build reads and writes. */
export const BASELINE_VERSION = 1;

/** One recorded finding. Nothing in it is derived from the secret except the fingerprint. */
export interface BaselineEntry {
  /** The finding's fingerprint (`v1:` + 32 hex): rule id, path and secret, no line numbers. */
  fingerprint: string;
  /** The rule that fired, so a reader can tell what an entry is about. */
  ruleId: string;
  /** Repository-relative path of the finding (for history scans, the earliest path). */
  path: string;
}

/**
 * The baseline file's content. It has no line numbers and no timestamps, and its entries are
 * unique and sorted by fingerprint, so regenerating it on unchanged code gives the same bytes and
 * it never conflicts in a merge just because code moved.
 */
export interface Baseline {
  version: typeof BASELINE_VERSION;
  entries: BaselineEntry[];
}

/** The baseline that records `findings`: one entry per fingerprint, sorted by fingerprint. */
export function baselineOf(findings: readonly Finding[]): Baseline {
  const byFingerprint = new Map<string, BaselineEntry>();
  for (const { fingerprint, ruleId, path } of findings) {
    if (!byFingerprint.has(fingerprint)) byFingerprint.set(fingerprint, { fingerprint, ruleId, path });
  }
  const entries = [...byFingerprint.values()].sort((a, b) => compareStrings(a.fingerprint, b.fingerprint));
  return { version: BASELINE_VERSION, entries };
}

/** The baseline as file text: 2-space indented JSON with a final newline, keys in a fixed order. */
export function formatBaseline(baseline: Baseline): string {
  const entries = baseline.entries.map(({ fingerprint, ruleId, path }) => ({ fingerprint, ruleId, path }));
  return `${JSON.stringify({ version: baseline.version, entries }, null, 2)}\n`;
}
