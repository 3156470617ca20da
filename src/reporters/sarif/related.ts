import { placeOf } from '../shared/location.js';
import type { Location, Region } from 'sarif';
import type { Finding, Occurrence } from '../../findings/index.js';
import { calendarDateOf } from '../shared/iso-instant.js';
import { otherPaths } from '../shared/occurrences.js';
import { relativeUriOf, SRCROOT } from './uri.js';

/** Related locations per result beyond this are counted in the message, not listed: GitHub displays 100. */
export const MAX_RELATED_LOCATIONS = 100;

/** How many related locations the result message links to by name before counting the rest. */
const MAX_LINKED = 10;

// The secret is the same text everywhere (same secret id), so it has the same extent: as many line
// breaks, and on a single line the same length; a multi-line secret ends at the same column.
function regionAt(finding: Finding, occurrence: Occurrence): Region {
  const lineSpan = finding.endLine - finding.startLine;
  const endColumn = lineSpan === 0 ? occurrence.startColumn + (finding.endColumn - finding.startColumn) : finding.endColumn;
  const region: Region = { startLine: occurrence.startLine, startColumn: occurrence.startColumn, endLine: occurrence.startLine + lineSpan, endColumn };
  // In a binary file, the bytes; the length is the finding's (UTF-16 text would take twice as many).
  if (occurrence.byteOffset !== undefined) Object.assign(region, { byteOffset: occurrence.byteOffset, byteLength: finding.byteLength ?? finding.endColumn - finding.startColumn });
  return region;
}

function placeMessage(occurrence: Occurrence): string {
  const { commit } = occurrence;
  if (commit === undefined) return 'The same secret, also here (not added by any commit).';
  return `The same secret, added here in commit ${commit.sha.slice(0, 12)} on ${calendarDateOf(commit.date)}.`;
}

/**
 * For a history finding, one related location per other path its secret appears in (each path once,
 * at its first commit, in commit order; at most MAX_RELATED_LOCATIONS), each relative to %SRCROOT% with its own region
 * and a message naming the commit. Ids are 1, 2, 3…: unique integers, as GitHub requires.
 */
export function relatedLocationsOf(finding: Finding): Location[] {
  return otherPaths(finding)
    .slice(0, MAX_RELATED_LOCATIONS)
    .map((occurrence, index) => ({
      id: index + 1,
      physicalLocation: {
        artifactLocation: { uri: relativeUriOf(occurrence.path), uriBaseId: SRCROOT },
        region: regionAt(finding, occurrence),
      },
      message: { text: placeMessage(occurrence) },
    }));
}

// Link text of a SARIF embedded link: `\`, `[` and `]` are escaped (SARIF 2.1.0 §3.11.6).
function linkText(text: string): string {
  return text.replace(/[\\[\]]/g, (char) => `\\${char}`);
}

function joinWithAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

// "Introduced in <sha>; still present at HEAD." with whichever of the two parts is known.
function provenanceSentence(finding: Finding): string | undefined {
  const introduced = finding.commit === undefined ? undefined : `Introduced in ${finding.commit.sha.slice(0, 12)}`;
  if (finding.isPresentAtHead === undefined) return introduced === undefined ? undefined : `${introduced}.`;
  const head = finding.isPresentAtHead ? 'still present at HEAD' : 'removed from HEAD but still in git history';
  return introduced === undefined ? `${head.charAt(0).toUpperCase()}${head.slice(1)}.` : `${introduced}; ${head}.`;
}

/**
 * The history sentences of a result message: the introducing commit, whether HEAD still holds the
 * secret, and the other paths (each once) as embedded links (`[path:line](id)`) to the ids that
 * `relatedLocationsOf` gives them, which GitHub shows as links. Empty when the finding has no
 * commit, no HEAD status and no other places.
 */
export function historySentences(finding: Finding): string {
  const provenance = provenanceSentence(finding);
  const parts = provenance === undefined ? [] : [provenance];
  const others = otherPaths(finding);
  if (others.length > 0) {
    const links = others.slice(0, MAX_LINKED).map((o, index) => `[${linkText(placeOf(o))}](${index + 1})`);
    const rest = others.length - links.length;
    parts.push(`Also in ${joinWithAnd(rest > 0 ? [...links, `${rest} more ${rest === 1 ? 'place' : 'places'}`] : links)}.`);
  }
  return parts.join(' ');
}
