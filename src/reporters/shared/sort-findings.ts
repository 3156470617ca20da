import { compareFindings, compareStrings, type Finding } from '../../findings/index.js';

/** A sorted copy, in the order every report lists findings (see `compareFindings`). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** Skipped files or problems sorted by path (then by the rest of the entry), as every reporter lists them. */
export function sortByPath<T extends { path: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => compareStrings(a.path, b.path) || compareStrings(JSON.stringify(a), JSON.stringify(b)));
}
