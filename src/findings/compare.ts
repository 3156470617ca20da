import type { Finding } from './finding.js';

/** Code-unit order, independent of the locale (unlike `localeCompare`), so every report is reproducible. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * The one order findings are listed in: path, line, column, rule id, then commit and fingerprint
 * as tie-breakers, so reports never depend on timing or scan order.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.path, b.path) ||
    a.startLine - b.startLine ||
    a.startColumn - b.startColumn ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.commit?.sha ?? '', b.commit?.sha ?? '') ||
    compareStrings(a.fingerprint, b.fingerprint)
  );
}
