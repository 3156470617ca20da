import type { Finding } from '../findings/index.js';
import { formatPlanMarkdown } from './format-markdown.js';
import { formatPlanText } from './format-text.js';
import { inlineMarkdown } from './markdown-inline.js';
import type { SecretLocation } from './secret-location.js';
import type { RemediationPlan } from './types.js';

/** One secret to fix: a representative (redacted) finding, where it lives, and its plan. */
export interface LocatedPlan {
  finding: Finding;
  location: SecretLocation;
  plan: RemediationPlan;
}

/** One line on where the secret lives, e.g. "pushed (origin/main); still at HEAD". */
export function describeLocation(location: SecretLocation): string {
  const count = location.commits.length;
  const commits = `${count} commit${count === 1 ? '' : 's'}`;
  const place =
    location.place === 'pushed'
      ? `pushed (reachable from ${location.remoteRefs.join(', ')})`
      : location.place === 'unpushed'
        ? `committed in ${commits} not pushed to any remote`
        : `never committed: only in the working tree${location.isStaged ? ' and the index (staged)' : ''}`;
  if (location.place === 'working-tree') return place;
  const head = location.isAtHead ? 'still at HEAD' : 'only in history (gone from HEAD)';
  return `${place}; ${head}${location.isInWorkingTree && !location.isAtHead ? ', but back in the working tree' : ''}`;
}

function sightings(item: LocatedPlan): string[] {
  const { finding } = item;
  const places = finding.occurrences ?? [{ path: finding.path, startLine: finding.startLine, startColumn: finding.startColumn, commit: finding.commit }];
  const lines = places.map((place) => `${place.path}:${place.startLine}${place.commit === undefined ? '' : ` (commit ${place.commit.sha.slice(0, 12)})`}`);
  for (const path of item.location.paths) if (!places.some((place) => place.path === path)) lines.push(path);
  return lines;
}

/** A located plan as terminal text: a header on the secret (redacted) and where it lives, then the numbered steps. */
export function formatLocatedText(item: LocatedPlan, index: number, total: number): string {
  const { finding } = item;
  const header = [`Secret ${index + 1} of ${total}: ${finding.ruleName} (${finding.ruleId}) ${finding.preview}, severity ${finding.severity}`, `Where: ${describeLocation(item.location)}`, `Seen at: ${sightings(item).join(', ')}`];
  return `${header.join('\n')}\n${formatPlanText(item.plan)}`;
}

/** A located plan as Markdown: a level-2 heading, where it lives, then the steps. */
export function formatLocatedMarkdown(item: LocatedPlan, index: number, total: number): string {
  const { finding } = item;
  return [
    `## Secret ${index + 1} of ${total}: ${inlineMarkdown(finding.ruleName)} ${inlineMarkdown(`\`${finding.preview}\``)}`,
    '',
    `- Rule: ${inlineMarkdown(`\`${finding.ruleId}\``)}, severity ${finding.severity}`,
    `- Where: ${inlineMarkdown(describeLocation(item.location))}`,
    `- Seen at: ${sightings(item)
      .map((place) => inlineMarkdown(`\`${place}\``))
      .join(', ')}`,
    '',
    formatPlanMarkdown(item.plan),
  ].join('\n');
}
