export { readFailure, readRegularFile, readStreamAtMost, readTextFile, type ReadOptions } from './read-file.js';
export { type FileData, writeFileSafely, type WriteOptions } from './write-file.js';
