import { placeOf } from '../shared/location.js';
import type { Finding } from '../../findings/index.js';
import type { Colors } from './color.js';
import { calendarDateOf } from '../shared/iso-instant.js';
import { MAX_LISTED_OCCURRENCES, otherPaths } from '../shared/occurrences.js';
import { printable } from '../../terminal-text/index.js';

function headStatus(finding: Finding, c: Colors): string | undefined {
  if (finding.isPresentAtHead === undefined) return undefined;
  return finding.isPresentAtHead ? c.red('still at HEAD') : 'removed from HEAD (still in history)';
}

function introducedLine(finding: Finding, c: Colors): string | undefined {
  const { commit } = finding;
  const introduced = commit === undefined ? undefined : `introduced in ${commit.sha.slice(0, 7)} by ${printable(commit.author)} on ${printable(calendarDateOf(commit.date))}`;
  const parts = [introduced, headStatus(finding, c)].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? undefined : parts.join('; ');
}

function alsoInLines(finding: Finding): string[] {
  const others = otherPaths(finding);
  if (others.length === 0) return [];
  const rows = others.slice(0, MAX_LISTED_OCCURRENCES).map((occurrence) => ({
    location: printable(placeOf(occurrence)),
    sha: occurrence.commit?.sha.slice(0, 7),
  }));
  const width = Math.max(...rows.map((row) => row.location.length));
  const lines = rows.map(({ location, sha }) => (sha === undefined ? `  ${location}` : `  ${location.padEnd(width)}  ${sha}`));
  if (others.length > rows.length) lines.push(`  … and ${others.length - rows.length} more`);
  return ['also in:', ...lines];
}

/**
 * The lines under a history finding, before indentation: when and by whom the secret was first
 * committed, whether HEAD still holds it, and the other places it appears (at most
 * MAX_LISTED_OCCURRENCES, sorted by commit date, then path).
 */
export function historyLines(finding: Finding, c: Colors): string[] {
  const introduced = introducedLine(finding, c);
  return [...(introduced === undefined ? [] : [introduced]), ...alsoInLines(finding)];
}
