/** The baseline file's name; it lives at the repository root (or the current directory outside git). */
export const BASELINE_FILE_NAME = '.secretscan-baseline.json';

/** The ignore file's name: one fingerprint per line, at the repository root. */
export const IGNORE_FILE_NAME = '.secretscanignore';
