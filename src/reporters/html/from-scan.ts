import { compareStrings, type Finding, type ScanResult, type Severity } from '../../findings/index.js';
import type { ReportContext } from '../types.js';
import type { AuditPlace, AuditSecret, AuditTotals, AuditView } from './types.js';

/** Secrets the HTML report of a scan lists (worst first); the totals count every one. */
export const HTML_MAX_SECRETS = 1000;

const RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

function placeOf(finding: Finding, repository: string): AuditPlace {
  const place: AuditPlace = { repository, path: finding.path, startLine: finding.startLine, occurrences: Math.max(1, finding.occurrences?.length ?? 1) };
  if (finding.commit !== undefined) place.firstCommit = { sha: finding.commit.sha, date: finding.commit.date };
  if (finding.isPresentAtHead !== undefined) place.isPresentAtHead = finding.isPresentAtHead;
  if (finding.removedIn !== undefined) place.removedIn = { sha: finding.removedIn.sha, date: finding.removedIn.date };
  return place;
}

/** A working-tree or range scan lists a secret once per place: one AuditSecret per secret id. */
function secretsOf(findings: readonly Finding[], repository: string): AuditSecret[] {
  const bySecret = new Map<string, AuditSecret>();
  for (const finding of findings) {
    const place = placeOf(finding, repository);
    const known = bySecret.get(finding.secretId);
    if (known === undefined) {
      const { secretId, ruleId, ruleName, severity, preview } = finding;
      bySecret.set(secretId, { secretId, ruleId, ruleName, severity, preview, occurrences: place.occurrences, ...(place.isPresentAtHead === undefined ? {} : { isPresentAtHead: place.isPresentAtHead }), repositories: [place] });
      continue;
    }
    const [only] = known.repositories as [AuditPlace];
    only.occurrences += place.occurrences;
    known.occurrences += place.occurrences;
    if (RANK[finding.severity] > RANK[known.severity]) known.severity = finding.severity;
  }
  return [...bySecret.values()].sort((a, b) => RANK[b.severity] - RANK[a.severity] || b.occurrences - a.occurrences || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.secretId, b.secretId));
}

function totalsOf(secrets: readonly AuditSecret[], repository: string, commit: string | undefined): AuditTotals {
  const bySeverity: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  const providers = new Map<string, number>();
  for (const secret of secrets) {
    bySeverity[secret.severity]++;
    const provider = secret.ruleId.split('.')[0] ?? secret.ruleId;
    providers.set(provider, (providers.get(provider) ?? 0) + 1);
  }
  const occurrences = secrets.reduce((n, s) => n + s.occurrences, 0);
  return {
    secrets: secrets.length,
    occurrences,
    bySeverity,
    byProvider: [...providers.entries()].map(([provider, count]) => ({ provider, secrets: count, repositories: 1 })).sort((a, b) => b.secrets - a.secrets || compareStrings(a.provider, b.provider)),
    byRepository: [{ repository, ...(commit === undefined ? {} : { commit }), secrets: secrets.length, occurrences, bySeverity: { ...bySeverity } }],
  };
}

/** The view of one repository's scan: one repository, its secrets worst first. */
export function viewOfScan(result: ScanResult, ctx: ReportContext): AuditView {
  const repository = ctx.repository?.name ?? 'this repository';
  const secrets = secretsOf(result.findings, repository);
  return {
    title: `${ctx.toolName}: ${repository}`,
    tool: { name: ctx.toolName, version: ctx.version },
    repositories: [{ name: repository, ...(ctx.repository?.commit === undefined ? {} : { commit: ctx.repository.commit }), isPartial: result.isPartial }],
    secrets: secrets.slice(0, HTML_MAX_SECRETS),
    unlisted: Math.max(0, secrets.length - HTML_MAX_SECRETS),
    totals: totalsOf(secrets, repository, ctx.repository?.commit),
    rules: ctx.rules,
    notices: [...(result.notices ?? [])],
  };
}
