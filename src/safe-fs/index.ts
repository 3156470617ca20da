export { readFailure, readRegularFile, readRegularFileSync, readStreamAtMost, readTextFile, type ReadOptions } from './read-file.js';
export { type FileData, writeFileSafely, type WriteOptions } from './write-file.js';
