import { placeOf } from '../shared/location.js';
import type { Finding, Occurrence } from '../../findings/index.js';
import { blobUrlOf } from './blob-url.js';
import { markdownCode } from './escape.js';
import { MAX_TABLE_ROWS } from './table.js';
import { MAX_LISTED_OCCURRENCES, otherPaths } from '../shared/occurrences.js';
import type { VersionControlInfo } from '../types.js';

// A place no commit added (e.g. only a stash) gets no link: the scanned revision need not hold it.
function occurrenceItem(occurrence: Occurrence, vcs: VersionControlInfo | undefined): string {
  const location = markdownCode(placeOf(occurrence));
  const { commit } = occurrence;
  if (commit === undefined) return `  - ${location}`;
  const url = blobUrlOf({ path: occurrence.path, line: occurrence.startLine, sha: commit.sha }, vcs);
  return `  - ${url === undefined ? location : `[${location}](${url})`} in ${markdownCode(commit.sha.slice(0, 12))}`;
}

function findingItems(finding: Finding, vcs: VersionControlInfo | undefined): string[] {
  const others = otherPaths(finding);
  const shown = others.slice(0, MAX_LISTED_OCCURRENCES);
  const head = `- ${markdownCode(finding.preview)} (${markdownCode(finding.ruleId)}) at ${markdownCode(placeOf(finding))} is also in:`;
  const more = others.length > shown.length ? [`  - …and ${others.length - shown.length} more`] : [];
  return [head, ...shown.map((occurrence) => occurrenceItem(occurrence, vcs)), ...more];
}

/**
 * For history scans: under the table, each finding whose secret appears in other places, with those
 * paths (each once, at most MAX_LISTED_OCCURRENCES, in commit order) and the commit that first
 * put the secret there. Empty when no listed finding has other places.
 */
export function occurrenceSection(findings: readonly Finding[], vcs: VersionControlInfo | undefined): string[] {
  const listed = findings.slice(0, MAX_TABLE_ROWS).filter((finding) => otherPaths(finding).length > 0);
  if (listed.length === 0) return [];
  return ['### Other places in history', '', ...listed.flatMap((finding) => findingItems(finding, vcs)), ''];
}
