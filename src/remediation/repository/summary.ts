import { verificationLine } from '../verification-line.js';
import type { CodeEdit, RepositoryPlan, RotateItem } from './types.js';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** One line on what the plan covers, e.g. "3 secrets: 2 pushed, 1 never committed". */
export function planSummary(plan: RepositoryPlan): string {
  const count = (place: string): number => plan.secrets.filter((secret) => secret.location.place === place).length;
  const parts = [
    [count('pushed'), 'pushed'],
    [count('unpushed'), 'committed but not pushed'],
    [count('working-tree'), 'never committed'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, what]) => `${n} ${what}`);
  return `${plural(plan.secrets.length, 'secret')}: ${parts.join(', ')}`;
}

const PLACE_TEXT = { pushed: 'pushed', unpushed: 'committed, not pushed', 'working-tree': 'never committed' } as const;

/** A checklist entry's text: what the secret is, where it lives, where it was seen. Backticks mark code. */
export function rotateItemText(item: RotateItem): string {
  const more = item.moreCount > 0 ? ` and ${item.moreCount} more` : '';
  const verified = item.verification === undefined ? '' : `. ${verificationLine(item.verification)}`;
  return `${item.ruleName}${item.preview === '' ? '' : ` \`${item.preview}\``} (\`${item.ruleId}\`, ${item.severity}), ${PLACE_TEXT[item.place]}: seen at ${item.seenAt.map((place) => `\`${place}\``).join(', ')}${more}${verified}`;
}

/** A code edit's text after its `path:line`. Backticks mark code. */
export function editText(edit: CodeEdit): string {
  const where = [`${edit.ruleName}${edit.preview === '' ? '' : ` \`${edit.preview}\``}`, ...(edit.variable === undefined ? [] : [`in \`${edit.variable}\``]), ...(edit.source === 'working-tree' ? ['not committed'] : [])].join(', ');
  return `(${where}): read it from the environment variable \`${edit.envName}\``;
}

/** The sections in order, numbered from 1, skipping those the plan leaves out. */
export function numberedSections(plan: RepositoryPlan): { number: number; key: 'rotate' | 'fix' | 'purge' | 'publish' | 'verify' }[] {
  const keys = (['rotate', 'fix', 'purge', 'publish', 'verify'] as const).filter((key) => plan[key] !== undefined);
  return keys.map((key, index) => ({ number: index + 1, key }));
}
