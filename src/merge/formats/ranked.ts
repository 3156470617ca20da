import { compareStrings, type Severity } from '../../findings/index.js';
import type { MergedReports } from '../merge-reports.js';
import { TotalsCounter } from '../totals.js';
import type { MergedFinding, MergeTotals } from '../types.js';

const RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

/** Worst first: severity, then the number of repositories, places, then secret id. */
export function compareByImpact(a: MergedFinding, b: MergedFinding): number {
  return RANK[b.severity] - RANK[a.severity] || b.repositories.length - a.repositories.length || b.occurrences - a.occurrences || compareStrings(a.secretId, b.secretId);
}

/** What a report for people shows: the worst `limit` findings, the totals, and how many were left out. */
export interface RankedFindings {
  listed: MergedFinding[];
  totals: MergeTotals;
  /** Findings not listed (past `limit`). */
  more: number;
}

/**
 * One pass over the merged findings keeping only the `limit` worst (a report for people lists at
 * most that many; the JSON report has them all), and counting every one.
 */
export async function rankFindings(merged: MergedReports, limit: number): Promise<RankedFindings> {
  const counter = new TotalsCounter(merged.repositories);
  let kept: MergedFinding[] = [];
  let seen = 0;
  for await (const finding of merged.findings()) {
    counter.add(finding);
    seen++;
    kept.push(finding);
    if (kept.length >= limit * 2) kept = kept.sort(compareByImpact).slice(0, limit);
  }
  const listed = kept.sort(compareByImpact).slice(0, limit);
  return { listed, totals: counter.totals(), more: seen - listed.length };
}
