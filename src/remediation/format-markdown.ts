import { inlineMarkdown } from './markdown-inline.js';
import type { RemediationPlan, RemediationStep } from './types.js';

function autolink(url: string): string {
  return `<${url.replace(/[<>\s]/g, (char) => encodeURIComponent(char))}>`;
}

function withPeriod(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function stepBlock(step: RemediationStep, index: number): string {
  const indent = '   ';
  const lines = [`${index + 1}. **${inlineMarkdown(withPeriod(step.title))}** ${inlineMarkdown(step.why)}`];
  if (step.url !== undefined) lines.push(`${indent}Open ${autolink(step.url)}`);
  for (const action of step.actions) lines.push(`${indent}- ${inlineMarkdown(action)}`);
  if (step.commands.length > 0) {
    lines.push('', `${indent}\`\`\`sh`, ...step.commands.map((command) => `${indent}${command}`), `${indent}\`\`\``);
  }
  return lines.join('\n');
}

/**
 * A remediation plan as GitHub-flavoured Markdown: numbered steps with nested actions and a shell
 * block per step that has commands. Has no heading, so callers choose the level. Ends with a newline.
 */
export function formatPlanMarkdown(plan: RemediationPlan): string {
  return `${plan.steps.map(stepBlock).join('\n\n')}\n`;
}
