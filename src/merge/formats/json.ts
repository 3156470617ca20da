import { JSON_REPORT_VERSION } from '../../reporters/index.js';
import type { MergedReports } from '../merge-reports.js';
import { TotalsCounter } from '../totals.js';

function indented(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(depth)}`);
}

/**
 * The merged report for scripts, streamed: `{ schemaVersion, kind: "merge", tool, repositories,
 * findings, totals, isPartial }`. Findings come one per secret in secret-id order; totals follow
 * them because they are counted on the way.
 */
export async function* mergedJson(merged: MergedReports, tool: { name: string; version: string }): AsyncGenerator<string> {
  const counter = new TotalsCounter(merged.repositories);
  yield `{\n  "schemaVersion": ${JSON_REPORT_VERSION},\n  "kind": "merge",\n  "tool": ${indented(tool, 2)},\n  "repositories": ${indented(merged.repositories, 2)},\n  "findings": [`;
  let count = 0;
  for await (const finding of merged.findings()) {
    counter.add(finding);
    yield `${count === 0 ? '' : ','}\n    ${indented(finding, 4)}`;
    count++;
  }
  const isPartial = merged.repositories.some((repository) => repository.isPartial);
  yield `${count === 0 ? '' : '\n  '}],\n  "totals": ${indented(counter.totals(), 2)},\n  "isPartial": ${isPartial}\n}\n`;
}
