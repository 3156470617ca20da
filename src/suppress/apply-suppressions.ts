import type { ScanResult } from '../findings/index.js';
import type { BaselineEntry } from './baseline-file.js';
import type { Suppressions } from './load-suppressions.js';
import type { IgnoreEntry } from './parse-ignore-file.js';

/** Baseline entries and ignore-file lines whose fingerprint matched no finding of the scan. */
export interface UnusedEntries {
  baseline: BaselineEntry[];
  ignore: IgnoreEntry[];
}

/**
 * Drops the findings whose fingerprint the ignore file or the baseline lists, and counts them as
 * `suppressed.ignored` and `suppressed.baseline` (the ignore file first: it is the deliberate,
 * reviewed decision). A count is present only when its file was in use, so `0` means "applied,
 * suppressed nothing". Also returns the entries that matched no finding, before suppression.
 */
export function applySuppressions(result: ScanResult, suppressions: Suppressions): { result: ScanResult; unused: UnusedEntries } {
  const ignored = new Set(suppressions.ignore?.entries.map((entry) => entry.fingerprint));
  const baselined = new Set(suppressions.baseline?.entries.map((entry) => entry.fingerprint));
  let ignoredCount = 0;
  let baselineCount = 0;
  const findings = result.findings.filter((finding) => {
    if (ignored.has(finding.fingerprint)) ignoredCount++;
    else if (baselined.has(finding.fingerprint)) baselineCount++;
    else return true;
    return false;
  });
  const suppressed = {
    ...result.suppressed,
    ...(suppressions.baseline === undefined ? {} : { baseline: baselineCount }),
    ...(suppressions.ignore === undefined ? {} : { ignored: ignoredCount }),
  };
  const found = new Set(result.findings.map((finding) => finding.fingerprint));
  const unused: UnusedEntries = {
    baseline: (suppressions.baseline?.entries ?? []).filter((entry) => !found.has(entry.fingerprint)),
    ignore: (suppressions.ignore?.entries ?? []).filter((entry) => !found.has(entry.fingerprint)),
  };
  return { result: { ...result, findings, suppressed }, unused };
}
