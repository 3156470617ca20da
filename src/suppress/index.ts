// Suppression, every kind in one place: the inline marker, the config's allowlists (whole paths,
// per match, per occurrence in a history audit, per secret-bearing file) and the fingerprint files
// (the `.secretscanignore` file and the baseline). SUPPRESSION_STAGES (stages.ts) is their order.
export type { AllowlistEntry, Candidate, KindPolicy, SuppressionPolicy } from './allowlist.js';
export { kindPolicyFrom, pathAllowlistFrom, suppressionFrom } from './allowlist.js';
export { hasInlineAllowMarker, INLINE_ALLOW_MARKER } from './inline-marker.js';
export type { MatchCounter, StagePoint, SuppressionStage } from './stages.js';
export { matchSuppressor, runFindingStages, SUPPRESSION_STAGES, withoutAllowlistedFiles } from './stages.js';
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
