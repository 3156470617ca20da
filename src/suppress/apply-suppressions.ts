import type { ScanResult } from '../findings/index.js';
import type { BaselineEntry } from './baseline-file.js';
import type { Suppressions } from './load-suppressions.js';
import type { IgnoreEntry } from './parse-ignore-file.js';
import { runFindingStages } from './stages.js';

/** Baseline entries and ignore-file lines whose fingerprint matched no finding of the scan. */
export interface UnusedEntries {
  baseline: BaselineEntry[];
  ignore: IgnoreEntry[];
}

/**
 * Runs the finding stages of SUPPRESSION_STAGES (the ignore file, then the baseline) and returns a
 * new result: findings whose fingerprint a file lists are dropped and counted as
 * `suppressed.ignored` and `suppressed.baseline`. A count is present only when its file was in
 * use, so `0` means "applied, suppressed nothing". Also returns the entries that matched no
 * finding, before suppression.
 */
export function applySuppressions(result: ScanResult, suppressions: Suppressions): { result: ScanResult; unused: UnusedEntries } {
  const { kept, counts } = runFindingStages(result.findings, suppressions);
  const suppressed = {
    ...result.suppressed,
    ...(counts.baseline === undefined ? {} : { baseline: counts.baseline }),
    ...(counts.ignored === undefined ? {} : { ignored: counts.ignored }),
  };
  const found = new Set(result.findings.map((finding) => finding.fingerprint));
  const unused: UnusedEntries = {
    baseline: (suppressions.baseline?.entries ?? []).filter((entry) => !found.has(entry.fingerprint)),
    ignore: (suppressions.ignore?.entries ?? []).filter((entry) => !found.has(entry.fingerprint)),
  };
  return { result: { ...result, findings: kept, suppressed }, unused };
}
