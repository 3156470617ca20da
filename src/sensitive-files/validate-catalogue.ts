import { SEVERITIES, type Severity } from '../findings/index.js';
import { globProblem } from '../rules/index.js';
import { type DocumentPath, isRecord, isStringList as isStringListOf, ProblemList, unknownKeysOf } from '../document-shape.js';
import type { SensitiveFileSpec } from './types.js';

const REQUIRED_STRINGS = ['id', 'name', 'description', 'why', 'belongsIn'] as const;
const PATTERN_LISTS = ['paths', 'exceptions', 'gitignore'] as const;
const TEXT_LISTS = ['examples', 'negativeExamples', 'contentExamples', 'negativeContentExamples'] as const;
const KNOWN_KEYS = new Set<string>([...REQUIRED_STRINGS, ...PATTERN_LISTS, ...TEXT_LISTS, 'severity', 'contentPattern', 'placement']);
const ID_SHAPE = /^file\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A validated entry and the line it starts on. */
export interface ValidatedEntry {
  spec: SensitiveFileSpec;
  line: number;
}

/** Catalogue lists may be empty and hold empty strings where the shape allows; the checks below say where not. */
function isStringList(value: unknown): value is string[] {
  return isStringListOf(value, { allowEmptyList: true, allowEmptyStrings: true });
}

/**
 * Checks the catalogue's shape entry by entry and lists every problem as `file:line: id: what`
 * (the id is `files[N]` while it is missing). Entries with problems are left out of `entries`.
 */
export function validateCatalogue(value: unknown, lineOf: (path: DocumentPath) => number | undefined, file: string): { entries: ValidatedEntry[]; problems: string[] } {
  const problems = new ProblemList(file, lineOf, [], 1);
  const files = (value as { files?: unknown } | null | undefined)?.files;
  if (!Array.isArray(files) || files.length === 0) {
    problems.add(['files'], 'catalogue', 'needs a non-empty `files:` list');
    return { entries: [], problems: problems.items };
  }
  const entries: ValidatedEntry[] = [];
  const seen = new Set<string>();
  files.forEach((raw: unknown, index: number) => {
    const entry = (raw ?? {}) as Record<string, unknown>;
    const id = typeof entry.id === 'string' ? entry.id : `files[${index}]`;
    const before = problems.items.length;
    const problem = (key: string | undefined, what: string): void => problems.add(key === undefined ? ['files', index] : ['files', index, key], id, what);
    if (!isRecord(raw)) return problem(undefined, 'an entry must be a mapping');
    for (const key of unknownKeysOf(entry, KNOWN_KEYS)) problem(key, `unknown key \`${key}\``);
    for (const key of REQUIRED_STRINGS) if (typeof entry[key] !== 'string' || entry[key] === '') problem(key, `\`${key}\` must be a non-empty string`);
    if (typeof entry.id === 'string' && !ID_SHAPE.test(entry.id)) problem('id', 'the id must look like `file.<kind>` (lower case, digits, dashes)');
    if (typeof entry.id === 'string' && seen.has(entry.id)) problem('id', 'duplicate id');
    if (typeof entry.id === 'string') seen.add(entry.id);
    if (!SEVERITIES.includes(entry.severity as Severity)) problem('severity', '`severity` must be high, medium or low');
    for (const key of PATTERN_LISTS) {
      if (!isStringList(entry[key])) problem(key, `\`${key}\` must be a list of strings`);
      else
        for (const pattern of entry[key]) {
          const error = globProblem(pattern.replace(/^!/, ''));
          if (error !== undefined) problem(key, `pattern \`${pattern}\` does not compile: ${error}`);
        }
    }
    if (entry.placement !== undefined && !['env', 'key', 'credentials'].includes(entry.placement as string)) problem('placement', '`placement` must be env, key or credentials');
    if (isStringList(entry.paths) && entry.paths.length === 0) problem('paths', '`paths` must not be empty');
    if (isStringList(entry.gitignore) && entry.gitignore.length === 0) problem('gitignore', '`gitignore` must not be empty');
    for (const key of TEXT_LISTS) if (entry[key] !== undefined && !isStringList(entry[key])) problem(key, `\`${key}\` must be a list of strings`);
    if (isStringList(entry.examples) && entry.examples.length === 0) problem('examples', 'at least one example is required');
    if (entry.contentPattern !== undefined) {
      if (typeof entry.contentPattern !== 'string') problem('contentPattern', '`contentPattern` must be a string');
      else {
        try {
          new RegExp(entry.contentPattern);
        } catch (error) {
          problem('contentPattern', `does not compile: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (!isStringList(entry.contentExamples) || entry.contentExamples.length === 0) problem('contentPattern', 'a `contentPattern` needs at least one `contentExamples` entry');
      }
    } else if (isStringList(entry.contentExamples) && entry.contentExamples.length > 0) problem('contentExamples', '`contentExamples` without a `contentPattern`');
    if (problems.items.length > before) return;
    entries.push({
      spec: {
        ...(entry as unknown as SensitiveFileSpec),
        negativeExamples: (entry.negativeExamples as string[] | undefined) ?? [],
        contentExamples: (entry.contentExamples as string[] | undefined) ?? [],
        negativeContentExamples: (entry.negativeContentExamples as string[] | undefined) ?? [],
      },
      line: lineOf(['files', index]) ?? 1,
    });
  });
  return { entries, problems: problems.items };
}
