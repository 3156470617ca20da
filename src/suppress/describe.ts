import type { UnusedEntries } from './apply-suppressions.js';
import { printable } from '../terminal-text/index.js';
import type { Suppressions } from './load-suppressions.js';

// Paths and rule ids in a baseline come from a file anyone can commit: controls and bidi
// overrides are shown as escapes, never sent to the terminal.

function count(n: number, noun: string, plural: string): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** `--debug` lines saying which baseline and ignore file a scan uses, and why. */
export function describeSuppressions(suppressions: Suppressions, isBaselineOff: boolean): string[] {
  const { baseline, ignore } = suppressions;
  const baselineLine =
    baseline === undefined
      ? `baseline: none${isBaselineOff ? ' (--no-baseline)' : ''}`
      : `baseline: ${printable(baseline.displayName)}, ${count(baseline.entries.length, 'entry', 'entries')}${baseline.isDefault ? ' (found at the repository root; --no-baseline turns it off)' : ''}`;
  const ignoreLine = ignore === undefined ? 'ignore file: none' : `ignore file: ${printable(ignore.displayName)}, ${count(ignore.entries.length, 'fingerprint', 'fingerprints')}`;
  return [baselineLine, ignoreLine];
}

/**
 * The `--report-unused` lines: one per baseline entry and ignore-file line that matched no
 * finding in this scan, or one line saying there are none.
 */
export function describeUnused(unused: UnusedEntries, suppressions: Suppressions): string[] {
  const ignoreFile = printable(suppressions.ignore?.displayName ?? '');
  const lines = [
    ...unused.baseline.map((entry) => `unused baseline entry: ${entry.fingerprint} (${printable(entry.ruleId)} in ${printable(entry.path)})`),
    ...unused.ignore.map((entry) => `unused ignore entry: ${ignoreFile}:${entry.line}: ${entry.fingerprint}`),
  ];
  if (lines.length > 0) return lines;
  return [suppressions.baseline === undefined && suppressions.ignore === undefined ? 'no baseline or ignore file to check for unused entries' : 'no unused baseline or ignore entries'];
}
