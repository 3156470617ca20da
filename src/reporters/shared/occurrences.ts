import { compareStrings } from '../../findings/index.js';
import type { Finding, Occurrence } from '../../findings/index.js';
import { epochMillisOf } from './iso-instant.js';

/** How many other places the text and Markdown reports list under a finding before counting the rest. */
export const MAX_LISTED_OCCURRENCES = 10;

// Occurrences without a commit, or with a date that does not parse, sort after every dated one.
function instantOf(occurrence: Occurrence): number {
  const date = occurrence.commit?.date;
  return (date === undefined ? undefined : epochMillisOf(date)) ?? Number.POSITIVE_INFINITY;
}

/** Commit date (as an instant, so time zones compare correctly), then path, line, column and commit sha. */
export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  const [timeA, timeB] = [instantOf(a), instantOf(b)];
  return (
    (timeA === timeB ? 0 : timeA < timeB ? -1 : 1) ||
    compareStrings(a.commit?.date ?? '', b.commit?.date ?? '') ||
    compareStrings(a.path, b.path) ||
    a.startLine - b.startLine ||
    a.startColumn - b.startColumn ||
    compareStrings(a.commit?.sha ?? '', b.commit?.sha ?? '')
  );
}

/** A sorted copy of a finding's occurrences (empty when it has none), in the order every report lists them. */
export function sortOccurrences(occurrences: readonly Occurrence[] | undefined): Occurrence[] {
  return [...(occurrences ?? [])].sort(compareOccurrences);
}

function isFindingItself(finding: Finding, occurrence: Occurrence): boolean {
  return occurrence.path === finding.path && occurrence.startLine === finding.startLine && occurrence.startColumn === finding.startColumn && occurrence.commit?.sha === finding.commit?.sha;
}

/**
 * The places other than the finding's own location where its secret appears in history, sorted.
 * `occurrences` includes the finding's own place (the earliest); that one entry is left out.
 */
export function otherOccurrences(finding: Finding): Occurrence[] {
  const sorted = sortOccurrences(finding.occurrences);
  const own = sorted.findIndex((occurrence) => isFindingItself(finding, occurrence));
  return own === -1 ? sorted : [...sorted.slice(0, own), ...sorted.slice(own + 1)];
}

/**
 * What "also in" lists: the other paths the finding's secret appears in, each once with its first
 * occurrence (earliest commit first), the finding's own path left out. The same file in every later
 * commit is one place to clean, not one per commit.
 */
export function otherPaths(finding: Finding): Occurrence[] {
  const seen = new Set<string>([finding.path]);
  return otherOccurrences(finding).filter((occurrence) => {
    if (seen.has(occurrence.path)) return false;
    seen.add(occurrence.path);
    return true;
  });
}

/** Whether a finding comes from a history scan: it carries occurrences or whether it is still at HEAD. */
export function isHistoryFinding(finding: Finding): boolean {
  return finding.occurrences !== undefined || finding.isPresentAtHead !== undefined;
}
