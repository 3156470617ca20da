// The scan pipeline: one typed entry point (options in, result and context out) for every caller.
export type { SourceKind, SourceRequest } from './open-source.js';
export type { CompletedScan, ScanOptions, ScanProgress, VerifyRequest } from './types.js';
export { DEFAULT_MAX_FINDINGS, executeScan, MAX_SCANNABLE_SIZE } from './execute-scan.js';
export { fileNameRedactor } from './file-names.js';
export { MAX_TIMEOUT_SECONDS } from './scan-stop.js';
