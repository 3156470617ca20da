export { fileError, MAX_DATA_FILE_SIZE, readFailure, readRegularFile, readStreamAtMost, readTextFile, type ReadOptions } from './read-file.js';
export { writeFileSafely, type WriteOptions } from './write-file.js';
