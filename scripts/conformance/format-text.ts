import { formatColumns } from '../format-columns.js';
import type { ConformanceSummary, RatedTally } from './summary.js';

function percent(fraction: number | null): string {
  return fraction === null ? '-' : `${(fraction * 100).toFixed(1)}%`;
}

function recallCell(t: RatedTally): string {
  return t.secretCases === 0 ? '-' : `${percent(t.recall)} (${t.detected})`;
}

function fpCell(t: RatedTally): string {
  return t.cleanCases === 0 ? '-' : `${percent(t.falsePositiveRate)} (${t.falsePositives})`;
}

function groupTable(label: string, groups: ConformanceSummary['bySource']): string[] {
  const header = [label, 'secret cases', 'recall', 'clean cases', 'FP rate'];
  const rows = groups.map((g) => [g.name, String(g.secretCases), recallCell(g), String(g.cleanCases), fpCell(g)]);
  return formatColumns([header, ...rows]);
}

function limited<T>(title: string, items: readonly T[], limit: number, render: (item: T) => string[]): string[] {
  if (items.length === 0) return [`${title}: none`];
  const shown = items.slice(0, limit);
  const more = items.length > shown.length ? `; showing ${shown.length}, use --misses N for more` : '';
  return [`${title} (${items.length}${more}):`, ...formatColumns(shown.map(render), 'l').map((line) => `  ${line}`)];
}

/**
 * The human-readable report: overall, per source, per provider, then misses and false positives
 * (each list cut to `limit` entries). Secrets appear only in redacted form.
 */
export function formatText(summary: ConformanceSummary, file: string, limit: number): string {
  const o = summary.overall;
  const lines = [
    `secretscan conformance: ${summary.cases} cases from ${file}, ${summary.rules} rules`,
    '',
    `overall: recall ${percent(o.recall)} (${o.detected}/${o.secretCases} secret cases), ` + `false-positive rate ${percent(o.falsePositiveRate)} (${o.falsePositives}/${o.cleanCases} clean cases)`,
    '',
    ...groupTable('source', summary.bySource),
    '',
    ...groupTable('provider', summary.byProvider),
    '',
    ...limited('misses', summary.misses, limit, (m) => [m.id, m.provider, m.preview ?? '(secret not located)']),
    '',
    ...limited('false positives', summary.falsePositives, limit, (f) => [f.id, f.provider, f.ruleIds.join(', ')]),
  ];
  if (summary.errors.length > 0) {
    lines.push('', ...limited('scanner errors (counted as no findings)', summary.errors, limit, (e) => [e.id, e.message]));
  }
  return `${lines.join('\n')}\n`;
}
