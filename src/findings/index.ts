export type {
  CommitInfo,
  Finding,
  Occurrence,
  ScanProblem,
  ScanResult,
  ScanStats,
  Severity,
  SkipReason,
  SkippedFile,
  SuppressedCounts,
  ValuePlace,
} from './finding.js';
export { SEVERITIES } from './finding.js';
export { fingerprintFromSecretId, fingerprintOf, secretIdOf } from './fingerprint.js';
export { redact } from './redact.js';
export { compareFindings, compareStrings } from './compare.js';
export type { BlobPlaces, GroupOptions } from './group-by-secret.js';
export { groupBySecret } from './group-by-secret.js';
