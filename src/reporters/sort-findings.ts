import type { Finding } from '../findings/index.js';

/** Code-unit order, independent of the locale (unlike `localeCompare`), so every report is reproducible. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** A sorted copy: by path, line, column and rule id, with the fingerprint as the final tie-breaker. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareStrings(a.path, b.path) ||
      a.startLine - b.startLine ||
      a.startColumn - b.startColumn ||
      compareStrings(a.ruleId, b.ruleId) ||
      compareStrings(a.fingerprint, b.fingerprint),
  );
}

/** Skipped files or problems sorted by path (then by the rest of the entry), as every reporter lists them. */
export function sortByPath<T extends { path: string }>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) => compareStrings(a.path, b.path) || compareStrings(JSON.stringify(a), JSON.stringify(b)),
  );
}
