import type { ScanResult } from '../../findings/index.js';
import { fallbackRemediation, formatPlanMarkdown, remediationMarkdown } from '../../remediation/index.js';
import { fileCount, plural, severityBreakdown, skipBreakdown, suppressedBreakdown, verificationBreakdown } from '../shared/counts.js';
import { firedRules } from '../shared/fired-rules.js';
import { markdownCode, markdownText } from './escape.js';
import { occurrenceSection } from './occurrences.js';
import { findingsTable } from './table.js';
import { sortByPath, sortFindings } from '../shared/sort-findings.js';
import type { ReportContext } from '../types.js';

function summaryParagraph(result: ScanResult, ruleCount: number): string {
  const { findings } = result;
  const parts = findings.length === 0 ? ['No secrets found.'] : [`**${plural(findings.length, 'finding')}** in ${plural(fileCount(findings), 'file')} (${severityBreakdown(findings)}).`];
  const verified = verificationBreakdown(findings);
  if (verified !== '') parts.push(`Verified with the providers: ${verified}.`);
  const suppressed = suppressedBreakdown(result.suppressed);
  parts.push(`${plural(ruleCount, 'rule')} ran; suppressed: ${suppressed === '' ? 'nothing' : suppressed}.`);
  if (result.skipped.length > 0) parts.push(`Skipped ${plural(result.skipped.length, 'file')}: ${skipBreakdown(result.skipped)}.`);
  return parts.join(' ');
}

function partialWarning(result: ScanResult): string[] {
  if (!result.isPartial) return [];
  return ['> [!WARNING]', '> Partial scan: some content could not be scanned, so this report may be missing secrets.', ''];
}

// GitHub renders `[!NOTE]` as a callout; each notice is its own paragraph inside it.
function noticeCallout(result: ScanResult): string[] {
  const notices = result.notices ?? [];
  if (notices.length === 0) return [];
  return ['> [!NOTE]', ...notices.flatMap((notice, index) => [...(index === 0 ? [] : ['>']), `> ${markdownText(notice)}`]), ''];
}

function detailsList(summary: string, items: string[]): string[] {
  if (items.length === 0) return [];
  return ['<details>', `<summary>${summary}</summary>`, '', ...items.map((item) => `- ${item}`), '', '</details>', ''];
}

function howToFix(result: ScanResult, ctx: ReportContext): string[] {
  if (ctx.remediationPlan !== undefined) return [ctx.remediationPlan(result.findings)];
  return firedRules(result.findings, ctx.rules).flatMap((fired) => [
    `### How to fix: ${markdownText(fired.name)} (${markdownCode(fired.id)})`,
    '',
    fired.rule === undefined ? formatPlanMarkdown(fallbackRemediation(fired.id, fired.name)) : remediationMarkdown(fired.rule),
  ]);
}

/**
 * The report for a GitHub job summary or pull-request comment: a heading, the scan's notices, a
 * summary, the findings table, the other places each secret appears (history scans), the
 * remediation plan (`ctx.remediationPlan`, else one "How to fix" section per rule that fired),
 * then skipped files and problems.
 */
export function toMarkdown(result: ScanResult, ctx: ReportContext): string {
  const findings = sortFindings(result.findings);
  const title = findings.length === 0 ? 'no secrets found' : plural(findings.length, 'possible secret');
  const lines = [`## ${markdownText(ctx.toolName)}: ${title}`, '', ...noticeCallout(result), summaryParagraph(result, ctx.rules.length), '', ...partialWarning(result)];
  if (findings.length > 0) {
    lines.push(...findingsTable(findings, ctx.vcs), '', ...occurrenceSection(findings, ctx.vcs), ...howToFix(result, ctx));
  }
  const skipped = sortByPath(result.skipped).map((file) => `${markdownCode(file.path)} (${file.reason})`);
  const problems = sortByPath(result.problems).map((p) => `${markdownCode(p.path)}: ${markdownText(p.message)}`);
  lines.push(...detailsList(`Skipped ${plural(skipped.length, 'file')}`, skipped));
  lines.push(...detailsList(plural(problems.length, 'problem'), problems));
  lines.push(`<sub>${markdownText(ctx.toolName)} ${markdownText(ctx.version)}</sub>`);
  return `${lines.join('\n')}\n`;
}
