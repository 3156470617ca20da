import { formatColumns } from '../format-columns.js';
import type { AuditSummary, VerdictCounts } from './summary.js';

function countsRow(name: string, c: VerdictCounts): string[] {
  return [name, String(c.total), String(c.credential), String(c['example-or-test']), String(c['not-credential']), String(c.untriaged)];
}

/** The text report: findings by rule and verdict, the noise share, recall lost, what to review. */
export function formatAuditSummary(summary: AuditSummary, listLimit: number): string {
  const rows = [['rule', 'findings', 'credential', 'example/test', 'not-credential', 'untriaged']];
  for (const rule of Object.keys(summary.byRule).sort()) rows.push(countsRow(rule, summary.byRule[rule] as VerdictCounts));
  rows.push(countsRow('total', summary.totals));
  const lines = formatColumns(rows);
  lines.push('');
  lines.push(`not credentials: ${summary.totals['not-credential']} of ${summary.totals.total} findings (${summary.notCredentialPercent.toFixed(1)}%; target <= 3%)`);
  lines.push(`credential-shaped findings lost against the triage: ${summary.lost.length}; triaged noise no longer reported: ${summary.silenced}`);
  for (const { key, entry } of summary.lost.slice(0, listLimit)) lines.push(`  lost ${entry.verdict} ${entry.rule} ${key} line ${entry.line} ${entry.preview}`);
  if (summary.toReview.length > 0) lines.push('', 'to review (not credentials, or not triaged yet):');
  for (const { verdict, finding } of summary.toReview.slice(0, listLimit)) {
    lines.push(`  ${verdict} ${finding.ruleId} ${finding.path}:${finding.startLine} ${finding.context.trim().slice(0, 160)}`);
  }
  if (summary.toReview.length > listLimit) lines.push(`  … and ${summary.toReview.length - listLimit} more (--list N)`);
  return `${lines.join('\n')}\n`;
}
