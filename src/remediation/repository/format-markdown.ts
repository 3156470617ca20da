import { printableLines } from '../../terminal-text/index.js';
import { inlineMarkdown } from '../markdown-inline.js';
import { editText, numberedSections, planSummary, rotateItemText } from './summary.js';
import type { CommandSection, RepositoryPlan } from './types.js';

function autolink(url: string): string {
  return `<${url.replace(/[<>\s]/g, (char) => encodeURIComponent(char))}>`;
}

/** A fenced `sh` block, its fence longer than any run of backticks in the commands. */
function shellBlock(commands: readonly string[]): string[] {
  if (commands.length === 0) return [];
  const longest = Math.max(2, ...commands.flatMap((command) => (command.match(/`+/g) ?? []).map((run) => run.length)));
  const fence = '`'.repeat(longest + 1);
  return ['', `${fence}sh`, ...commands, fence];
}

function sectionBody(section: CommandSection): string[] {
  return [...(section.url === undefined ? [] : [`Guide: ${autolink(section.url)}`, '']), ...section.actions.map((action) => `- ${inlineMarkdown(action)}`), ...shellBlock(section.commands)];
}

function rotateBody(plan: RepositoryPlan, level: string): string[] {
  return plan.rotate.groups.flatMap((group) => [
    `${level}# ${inlineMarkdown(group.providerName)}`,
    '',
    ...(group.url === undefined ? [] : [`Rotate at ${autolink(group.url)}`, '']),
    ...group.secrets.map((item) => `- [ ] ${inlineMarkdown(rotateItemText(item))}`),
    ...(group.steps.length === 0 ? [] : ['', '<details><summary>How</summary>', '', ...group.steps.map((step) => `- ${inlineMarkdown(step)}`), '', '</details>']),
    '',
  ]);
}

function fixBody(plan: RepositoryPlan): string[] {
  const { fix } = plan;
  const [first, ...rest] = fix.actions;
  const edits = fix.edits.map((edit) => `- [ ] ${inlineMarkdown(`\`${edit.path}:${edit.line}\` ${editText(edit)}`)}`);
  const intro = first === undefined || fix.edits.length === 0 ? [] : [inlineMarkdown(first), ''];
  const others = (fix.edits.length === 0 ? fix.actions : rest).map((action) => `- ${inlineMarkdown(action)}`);
  return [...intro, ...edits, ...(edits.length > 0 && others.length > 0 ? [''] : []), ...others, ...shellBlock(fix.commands)];
}

/**
 * The repository's plan as GitHub-flavoured Markdown under a heading of the given level (1 = `#`):
 * a summary and `note`, then one numbered heading per section with task lists, actions and `sh` blocks.
 * Text from rule packs and the repository is escaped (inlineMarkdown) and made printable.
 */
export function formatRepositoryPlanMarkdown(plan: RepositoryPlan, level = 1, note = 'Follow the steps in order.'): string {
  const hashes = '#'.repeat(level);
  const lines = [`${hashes} Remediation plan`, '', `${inlineMarkdown(planSummary(plan))}. ${inlineMarkdown(note)}`];
  for (const { number, key } of numberedSections(plan)) {
    const section = plan[key];
    if (section === undefined) continue;
    lines.push('', `${hashes}# ${number}. ${inlineMarkdown(section.title)}`, '', inlineMarkdown(section.why), '');
    if (key === 'rotate') lines.push(...rotateBody(plan, `${hashes}#`));
    else if (key === 'fix') lines.push(...fixBody(plan));
    else lines.push(...sectionBody(section as CommandSection));
  }
  return printableLines(`${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`);
}
