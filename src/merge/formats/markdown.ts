import { SEVERITIES } from '../../findings/index.js';
import { fallbackRemediation, formatPlanMarkdown, remediationMarkdown } from '../../remediation/index.js';
import { markdownCode, markdownText } from '../../reporters/index.js';
import type { Rule } from '../../rules/index.js';
import type { MergedReports } from '../merge-reports.js';
import type { MergedFinding, MergeTotals } from '../types.js';
import type { RankedFindings } from './ranked.js';

/** Rows the Markdown findings table shows (a GitHub job summary holds at most 1 MiB). */
export const MARKDOWN_MAX_ROWS = 100;

const MAX_NAMED_REPOSITORIES = 5;

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

function repositoriesCell(finding: MergedFinding): string {
  const names = finding.repositories.slice(0, MAX_NAMED_REPOSITORIES).map((entry) => markdownCode(entry.repository));
  const more = finding.repositories.length - names.length;
  return `${names.join(', ')}${more > 0 ? ` +${more} more` : ''}`;
}

function firstCommitted(finding: MergedFinding): string {
  const dates = finding.repositories.flatMap((entry) => (entry.firstCommit === undefined ? [] : [entry.firstCommit.date.slice(0, 10)]));
  return dates.sort()[0] ?? '';
}

function headCell(finding: MergedFinding): string {
  return finding.isPresentAtHead === undefined ? '' : finding.isPresentAtHead ? 'yes' : 'removed';
}

function totalsTables(totals: MergeTotals): string[] {
  return [
    '### By repository',
    '',
    '| Repository | Secrets | High | Medium | Low | Places |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...totals.byRepository.map((r) => `| ${markdownCode(r.repository)} | ${r.secrets} | ${r.bySeverity.high} | ${r.bySeverity.medium} | ${r.bySeverity.low} | ${r.occurrences} |`),
    '',
    '### By provider',
    '',
    '| Provider | Secrets | Repositories |',
    '| --- | ---: | ---: |',
    ...totals.byProvider.map((p) => `| ${markdownText(p.provider)} | ${p.secrets} | ${p.repositories} |`),
    '',
  ];
}

function howToFix(listed: readonly MergedFinding[], rules: readonly Rule[]): string[] {
  const byId = new Map(rules.map((rule) => [rule.spec.id, rule]));
  const fired = new Map(listed.map((finding) => [finding.ruleId, finding.ruleName]));
  return [...fired.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([id, name]) => {
      const rule = byId.get(id);
      return [`### How to fix: ${markdownText(rule?.spec.name ?? name)} (${markdownCode(id)})`, '', rule === undefined ? formatPlanMarkdown(fallbackRemediation(id, name)) : remediationMarkdown(rule), ''];
    });
}

/**
 * The merged report for a GitHub job summary: totals by severity, repository and provider, the
 * worst secrets (at most MARKDOWN_MAX_ROWS) with every repository holding them, and how to fix each
 * kind. Every string from a report is escaped.
 */
export function mergedMarkdown(merged: MergedReports, ranked: RankedFindings, rules: readonly Rule[], tool: { name: string; version: string }): string {
  const { listed, totals, more } = ranked;
  const severities = SEVERITIES.filter((severity) => totals.bySeverity[severity] > 0).map((severity) => `${totals.bySeverity[severity]} ${severity}`);
  const lines = [
    `## ${markdownText(tool.name)}: ${plural(totals.secrets, 'secret')} in ${plural(merged.repositories.length, 'repository', 'repositories')}`,
    '',
    totals.secrets === 0 ? 'No secrets found.' : `**${plural(totals.secrets, 'secret')}** (${severities.join(', ')}) in ${plural(totals.occurrences, 'place')}.`,
    '',
  ];
  const partial = merged.repositories.filter((repository) => repository.isPartial).map((repository) => markdownCode(repository.name));
  if (partial.length > 0) lines.push('> [!WARNING]', `> Partial scans (secrets may be missing): ${partial.join(', ')}`, '');
  lines.push(...totalsTables(totals));
  if (listed.length > 0) {
    lines.push('### Secrets', '', '| Severity | Rule | Secret | Repositories | First committed | At HEAD |', '| --- | --- | --- | --- | --- | --- |');
    lines.push(...listed.slice(0, MARKDOWN_MAX_ROWS).map((f) => `| ${f.severity} | ${markdownCode(f.ruleId)} | ${markdownCode(f.preview)} | ${repositoriesCell(f)} | ${firstCommitted(f)} | ${headCell(f)} |`));
    const hidden = more + Math.max(0, listed.length - MARKDOWN_MAX_ROWS);
    if (hidden > 0) lines.push('', `${plural(hidden, 'more secret')} in the JSON and HTML reports.`);
    lines.push('', ...howToFix(listed.slice(0, MARKDOWN_MAX_ROWS), rules));
  }
  lines.push(`<sub>${markdownText(tool.name)} ${markdownText(tool.version)}</sub>`);
  return `${lines.join('\n')}\n`;
}
