export { readFailure, readRegularFile, readStreamAtMost, readTextFile, type ReadOptions } from './read-file.js';
export { writeFileSafely, type WriteOptions } from './write-file.js';
