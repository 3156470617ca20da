import { renderAuditPage } from '../../reporters/index.js';
import type { Rule } from '../../rules/index.js';
import type { MergedReports } from '../merge-reports.js';
import type { RankedFindings } from './ranked.js';

/** The merged report as one self-contained HTML page: totals, timeline, the worst secrets and how to fix them. */
export function mergedHtml(merged: MergedReports, ranked: RankedFindings, rules: readonly Rule[], tool: { name: string; version: string }): string {
  const count = merged.repositories.length;
  return renderAuditPage({
    title: `${tool.name}: audit of ${count} ${count === 1 ? 'repository' : 'repositories'}`,
    tool,
    repositories: merged.repositories.map(({ name, commit, isPartial }) => ({ name, ...(commit === undefined ? {} : { commit }), isPartial })),
    secrets: ranked.listed,
    unlisted: ranked.more,
    totals: ranked.totals,
    rules,
    notices: [],
  });
}
