import { isRecord } from '../document-shape.js';
import { BASELINE_VERSION, type Baseline, type BaselineEntry } from './baseline-file.js';
import { FINGERPRINT_SHAPE, isFingerprint } from './is-fingerprint.js';
import { suppressionFileError } from './suppression-file-error.js';

const HINT = 'regenerate it with `secretscan baseline`, or scan without it with --no-baseline';

/**
 * `file:LINE:COLUMN` for a JSON syntax error, from the offset in the parser's message. Only the
 * offset is used: V8's message quotes the text around the error, which could be a secret.
 */
function syntaxErrorLocation(text: string, file: string, error: unknown): string {
  const offset = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (offset === undefined) return file;
  const before = text.slice(0, Number(offset)).split('\n');
  return `${file}:${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

/** The problems of one entry (none when it is well formed), each prefixed with its location. */
function entryProblems(entry: unknown, where: string): string[] {
  if (!isRecord(entry)) return [`${where}: must be an object with fingerprint, ruleId and path`];
  const problems: string[] = [];
  if (typeof entry.fingerprint !== 'string' || !isFingerprint(entry.fingerprint)) problems.push(`${where}.fingerprint: must be ${FINGERPRINT_SHAPE}`);
  for (const key of ['ruleId', 'path'] as const) {
    if (typeof entry[key] !== 'string' || entry[key] === '') problems.push(`${where}.${key}: must be a non-empty string`);
  }
  return problems;
}

/**
 * Parses and validates baseline file text. `file` names the file in messages. Throws a ScanError
 * (exit 2) listing every problem; unknown keys are ignored.
 */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw suppressionFileError('baseline', [`${syntaxErrorLocation(text, file, error)}: not valid JSON`], HINT);
  }
  if (!isRecord(data)) throw suppressionFileError('baseline', [`${file}: must be a JSON object with version and entries`], HINT);
  if (data.version !== BASELINE_VERSION) {
    throw suppressionFileError('baseline', [`${file}: version: must be ${BASELINE_VERSION} (this secretscan reads baseline version ${BASELINE_VERSION} only)`], HINT);
  }
  if (!Array.isArray(data.entries)) throw suppressionFileError('baseline', [`${file}: entries: must be an array`], HINT);
  const problems = data.entries.flatMap((entry: unknown, index) => entryProblems(entry, `${file}: entries[${index}]`));
  if (problems.length > 0) throw suppressionFileError('baseline', problems, HINT);
  // Validated just above: every entry is an object with the three string fields.
  const entries = (data.entries as BaselineEntry[]).map(({ fingerprint, ruleId, path }) => ({ fingerprint, ruleId, path }));
  return { version: BASELINE_VERSION, entries };
}
