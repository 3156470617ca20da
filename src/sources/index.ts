export type { Repository } from './git.js';
export type { ReadOutcome } from './read-files.js';
export type { ScanTargets } from './directory.js';
export { findRepository, listWorkingTreeFiles, sealedGitEnv } from './git.js';
export { listScanTargets } from './directory.js';
export { readFiles } from './read-files.js';
export { decodeText } from './decode.js';
export { DEFAULT_STDIN_PATH, stdinChunks } from './stdin.js';
