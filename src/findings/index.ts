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
  SeverityCounts,
  SuppressedCounts,
  ValuePlace,
  UnlistedFindings,
  Verification,
  VerificationStatus,
} from './finding.js';
export { SEVERITIES } from './finding.js';
export { fingerprintFromSecretId, fingerprintOf, secretIdOf } from './fingerprint.js';
export { redact } from './redact.js';
export { flatString } from './flat-string.js';
export { compareFindings, compareStrings } from './compare.js';
export type { BlobPlaces, GroupOptions } from './group-by-secret.js';
export { groupBySecret } from './group-by-secret.js';
export { redactResult } from './redact-result.js';
