import { ScanError } from '../errors.js';

/**
 * A malformed baseline or ignore file: every problem, one per line, each starting with where it
 * is (`.secretscanignore:4: …`). Exits 2 like any invalid configuration. Problems never quote
 * the offending text: a secret pasted into the file by mistake must not reach a log.
 */
export function suppressionFileError(kind: 'baseline' | 'ignore', problems: readonly string[], hint: string): ScanError {
  return new ScanError('E_CONFIG_INVALID', `invalid ${kind} file:\n${problems.map((p) => `  ${p}`).join('\n')}`, { hint });
}
