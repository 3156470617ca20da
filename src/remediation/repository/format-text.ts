import { printableLines } from '../../terminal-text/index.js';
import { editText, numberedSections, planSummary, rotateItemText } from './summary.js';
import type { CommandSection, RepositoryPlan } from './types.js';

const INDENT = '   ';

function withPeriod(text: string): string {
  return /[.!?:]$/.test(text) ? text : `${text}.`;
}

function sectionBody(section: CommandSection): string[] {
  return [...(section.url === undefined ? [] : [`${INDENT}Guide: ${section.url}`]), ...section.actions.map((action) => `${INDENT}- ${action}`), ...section.commands.map((command) => `${INDENT}$ ${command}`)];
}

function rotateLines(plan: RepositoryPlan): string[] {
  return plan.rotate.groups.flatMap((group) => [
    `${INDENT}${group.providerName}${group.url === undefined ? '' : `: rotate at ${group.url}`}`,
    ...group.secrets.map((item) => `${INDENT}  [ ] ${rotateItemText(item)}`),
    ...group.steps.map((step) => `${INDENT}  - ${step}`),
  ]);
}

function fixLines(plan: RepositoryPlan): string[] {
  const { fix } = plan;
  const [first, ...rest] = fix.actions;
  const edits = fix.edits.map((edit) => `${INDENT}  [ ] ${edit.path}:${edit.line} ${editText(edit)}`);
  return [
    ...(first === undefined || fix.edits.length === 0 ? [] : [`${INDENT}- ${first}`]),
    ...edits,
    ...(fix.edits.length === 0 ? fix.actions : rest).map((action) => `${INDENT}- ${action}`),
    ...fix.commands.map((command) => `${INDENT}$ ${command}`),
  ];
}

/**
 * The repository's plan as terminal text: a summary line, then the numbered sections, each with
 * its reason, checklists (`[ ]`), actions (`-`) and shell commands (`$`). Everything from the
 * repository is made printable (terminal-text), so no escape sequence reaches the terminal.
 */
export function formatRepositoryPlanText(plan: RepositoryPlan): string {
  const lines = [`Remediation plan for ${planSummary(plan)}. Follow the steps in order.`];
  for (const { number, key } of numberedSections(plan)) {
    const section = plan[key];
    if (section === undefined) continue;
    lines.push('', `${number}. ${withPeriod(section.title)}`, `${INDENT}${section.why}`);
    if (key === 'rotate') lines.push(...rotateLines(plan));
    else if (key === 'fix') lines.push(...fixLines(plan));
    else lines.push(...sectionBody(section as CommandSection));
  }
  return printableLines(`${lines.join('\n')}\n`);
}
