import { triageKeyOf, type AuditFinding, type TriageEntry, type Verdict } from './triage.js';

/** Counts of one rule's findings by verdict. */
export type VerdictCounts = Record<Verdict, number> & { total: number };

/** What one audit run measured against the triage. */
export interface AuditSummary {
  totals: VerdictCounts;
  byRule: Record<string, VerdictCounts>;
  /** Not-credential findings as a share of all findings, in percent. */
  notCredentialPercent: number;
  /** Triaged credentials and example credentials that this run no longer reports (recall lost). */
  lost: { key: string; entry: TriageEntry }[];
  /** Triaged not-credential entries that this run no longer reports (noise removed). */
  silenced: number;
  /** Findings to look at: not credentials, or not triaged yet. */
  toReview: { verdict: Verdict; finding: AuditFinding }[];
}

function emptyCounts(): VerdictCounts {
  return { total: 0, credential: 0, 'example-or-test': 0, 'not-credential': 0, untriaged: 0 };
}

/** Grades every finding by its triage verdict and compares the run with what the triage knows. */
export function summarizeAudit(findings: readonly AuditFinding[], triage: ReadonlyMap<string, TriageEntry>): AuditSummary {
  const totals = emptyCounts();
  const byRule: Record<string, VerdictCounts> = {};
  const seen = new Set<string>();
  const toReview: AuditSummary['toReview'] = [];
  for (const finding of findings) {
    const key = triageKeyOf(finding);
    seen.add(key);
    const verdict = triage.get(key)?.verdict ?? 'untriaged';
    const counts = (byRule[finding.ruleId] ??= emptyCounts());
    for (const c of [totals, counts]) {
      c.total++;
      c[verdict]++;
    }
    if (verdict === 'not-credential' || verdict === 'untriaged') toReview.push({ verdict, finding });
  }
  const lost: AuditSummary['lost'] = [];
  let silenced = 0;
  for (const [key, entry] of triage) {
    if (seen.has(key)) continue;
    if (entry.verdict === 'credential' || entry.verdict === 'example-or-test') lost.push({ key, entry });
    else if (entry.verdict === 'not-credential') silenced++;
  }
  const notCredentialPercent = totals.total === 0 ? 0 : (100 * totals['not-credential']) / totals.total;
  return { totals, byRule, notCredentialPercent, lost, silenced, toReview };
}
