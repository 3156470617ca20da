import type { MissingLines, SensitiveFileKind } from './types.js';

/** A sensitive file found in the work tree or the index. */
export interface Candidate {
  path: string;
  kind: SensitiveFileKind;
  isTracked: boolean;
}

/**
 * The `.gitignore` lines still needed: for each entry with a sensitive file that no ignore rule
 * covers, the entry's lines that `existing` (the root `.gitignore`'s text) lacks. An ignored path
 * needs nothing, whichever file ignores it.
 */
export function missingLinesOf(unignored: readonly Candidate[], existing: string): MissingLines[] {
  const present = new Set(existing.split(/\r?\n/).map((line) => line.trim()));
  const byKind = new Map<SensitiveFileKind, string[]>();
  for (const { kind, path } of unignored) byKind.set(kind, [...(byKind.get(kind) ?? []), path]);
  const missing: MissingLines[] = [];
  for (const [kind, paths] of byKind) {
    const lines = kind.spec.gitignore.filter((line) => !present.has(line));
    if (lines.length > 0) missing.push({ id: kind.spec.id, name: kind.spec.name, paths: paths.sort(), lines });
  }
  return missing.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
