import type { RemediationPlan, RemediationStep } from './types.js';

function withPeriod(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function stepLines(step: RemediationStep, index: number): string[] {
  const indent = '   ';
  const lines = [`${index + 1}. ${withPeriod(step.title)}`, `${indent}${step.why}`];
  if (step.url !== undefined) lines.push(`${indent}Open ${step.url}`);
  for (const action of step.actions) lines.push(`${indent}- ${action}`);
  for (const command of step.commands) lines.push(`${indent}$ ${command}`);
  return lines;
}

/** A remediation plan as plain text for a terminal: a title line, then numbered steps. Ends with a newline. */
export function formatPlanText(plan: RemediationPlan): string {
  const lines = [`How to fix ${plan.ruleName} (${plan.ruleId}):`];
  plan.steps.forEach((step, index) => lines.push(...stepLines(step, index)));
  return `${lines.join('\n')}\n`;
}
