// The shape checks every validator of a parsed document shares: the config, rule packs, the
// sensitive-file catalogue and the baseline. Each validator keeps its own fields and messages;
// what a mapping or a list of strings is, and how a problem names its place, is written here once.

/** A place inside a parsed document: keys and list indexes from the root. */
export type DocumentPath = readonly (string | number)[];

/** Whether `value` is a mapping (an object that is not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether `value` is a list of strings. By default the list must have items and each item must be
 * non-empty; `allowEmptyList` and `allowEmptyStrings` relax that.
 */
export function isStringList(value: unknown, { allowEmptyList = false, allowEmptyStrings = false } = {}): value is string[] {
  return Array.isArray(value) && (allowEmptyList || value.length > 0) && value.every((item) => typeof item === 'string' && (allowEmptyStrings || item !== ''));
}

/** The keys of `record` that are not in `known`, in the document's order. */
export function unknownKeysOf(record: Record<string, unknown>, known: ReadonlySet<string>): string[] {
  return Object.keys(record).filter((key) => !known.has(key));
}

/** A path as a key: `allowlist[0].paths`, or '' for the root. */
export function keyOf(path: DocumentPath): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

/**
 * Collects every problem of one document as `file:line: subject: what`, the line found from the
 * problem's path. `base` locates the checked value inside its document (a rule pack inside a
 * config); `fallbackLine` is used when the path has no line (otherwise the line is left out).
 */
export class ProblemList {
  readonly items: string[] = [];
  constructor(
    private readonly file: string,
    private readonly lineOf: (path: DocumentPath) => number | undefined,
    private readonly base: DocumentPath = [],
    private readonly fallbackLine?: number,
  ) {}

  /** Adds a problem about `subject` (a rule id, `provider`, …) at `path`. */
  add(path: DocumentPath, subject: string, what: string): void {
    const line = this.lineOf([...this.base, ...path]) ?? this.fallbackLine;
    this.items.push(`${this.file}${line === undefined ? '' : `:${line}`}: ${subject}: ${what}`);
  }

  /** Adds a problem whose subject is the path itself (`allowlist[0].paths`, `(root)` for the root). */
  addAtKey(path: DocumentPath, what: string): void {
    this.add(path, keyOf(path) || '(root)', what);
  }
}
