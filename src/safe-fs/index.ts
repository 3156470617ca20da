export { readFailure, readRegularFile, readRegularFileSync, readStreamAtMost, readTextFile, type ReadOptions } from './read-file.js';
export { writeFileSafely, type WriteOptions } from './write-file.js';
