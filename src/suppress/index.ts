// Fingerprint-based suppression: the baseline file and the `.secretscanignore` file.
export type { Baseline, BaselineEntry } from './baseline-file.js';
export { baselineOf, formatBaseline } from './baseline-file.js';
export { describeBaselineChange } from './baseline-changes.js';
export { BASELINE_FILE_NAME, IGNORE_FILE_NAME } from './file-names.js';
export { isFingerprint } from './is-fingerprint.js';
export { parseBaseline } from './parse-baseline.js';
export type { IgnoreEntry } from './parse-ignore-file.js';
export { parseIgnoreFile } from './parse-ignore-file.js';
export type { LoadedBaseline, LoadedIgnoreFile, LoadOptions, Suppressions } from './load-suppressions.js';
export { loadSuppressions, readPreviousBaseline } from './load-suppressions.js';
export type { UnusedEntries } from './apply-suppressions.js';
export { applySuppressions } from './apply-suppressions.js';
export { describeSuppressions, describeUnused } from './describe.js';
