import type { CommitInfo, Finding, Occurrence, ScanResult } from '../../findings/index.js';
import { sortOccurrences } from '../shared/occurrences.js';
import { sortByPath, sortFindings } from '../shared/sort-findings.js';
import type { ReportContext } from '../types.js';

function commitJson(commit: CommitInfo | undefined): Record<string, unknown> {
  return commit === undefined ? {} : { commit: { sha: commit.sha, author: commit.author, date: commit.date } };
}

function occurrenceJson(occurrence: Occurrence): Record<string, unknown> {
  const bytes = occurrence.byteOffset === undefined ? {} : { byteOffset: occurrence.byteOffset };
  return { path: occurrence.path, startLine: occurrence.startLine, startColumn: occurrence.startColumn, ...bytes, ...commitJson(occurrence.commit) };
}

// Explicit key order: the JSON report is an interface for scripts, so it does not depend on the
// order in which the engine happened to build a Finding.
function findingJson(finding: Finding): Record<string, unknown> {
  return {
    ruleId: finding.ruleId,
    ruleName: finding.ruleName,
    severity: finding.severity,
    path: finding.path,
    startLine: finding.startLine,
    startColumn: finding.startColumn,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    // Binary files only: where the secret is, in bytes (its lines and columns count line feeds and bytes).
    ...(finding.byteOffset === undefined ? {} : { byteOffset: finding.byteOffset, byteLength: finding.byteLength }),
    ...commitJson(finding.commit),
    // History scans only; occurrences sorted by commit date, then path.
    ...(finding.occurrences === undefined ? {} : { occurrences: sortOccurrences(finding.occurrences).map(occurrenceJson) }),
    ...(finding.isPresentAtHead === undefined ? {} : { isPresentAtHead: finding.isPresentAtHead }),
    ...(finding.removedIn === undefined ? {} : { removedIn: { sha: finding.removedIn.sha, author: finding.removedIn.author, date: finding.removedIn.date } }),
    ...(finding.decodedFrom === undefined ? {} : { decodedFrom: finding.decodedFrom }),
    // The secret is in the file name (the position is in the path, shown redacted).
    ...(finding.isInFileName === true ? { isInFileName: true } : {}),
    fingerprint: finding.fingerprint,
    secretId: finding.secretId,
    preview: finding.preview,
    context: finding.context,
    entropy: finding.entropy,
    // Present only with --verify, on findings of rules that have a verifier.
    ...(finding.verification === undefined ? {} : { verification: { status: finding.verification.status, checkedAt: finding.verification.checkedAt, detail: finding.verification.detail } }),
    // Present only with --show-secrets.
    ...(finding.secret === undefined ? {} : { secret: finding.secret }),
  };
}

function verificationSummary(result: ScanResult): Record<string, unknown> {
  const verified = result.findings.filter((finding) => finding.verification !== undefined);
  if (verified.length === 0) return {};
  const count = (status: string): number => verified.filter((finding) => finding.verification?.status === status).length;
  return { verification: { live: count('live'), revoked: count('revoked'), unknown: count('unknown') } };
}

/** The version of the JSON report's shape; `report merge` reads reports of this version only. */
export const JSON_REPORT_VERSION = 1;

/**
 * The report for scripts: `{ schemaVersion, tool, repository, findings, suppressed, skipped, problems, notices, stats, isPartial }`,
 * findings sorted, 2-space indented with a trailing newline. `notices` is always an array, like
 * `skipped` and `problems`, so scripts need no existence check; it keeps the scan's order.
 * `stats.durationMs` is left out so that the same scan always produces the same bytes. `repository`
 * (`{ name, commit }`) is there when the scanned repository is known, so that `report merge` can join
 * the reports of many repositories.
 */
export function toJson(result: ScanResult, ctx: ReportContext): string {
  const report = {
    schemaVersion: JSON_REPORT_VERSION,
    tool: { name: ctx.toolName, version: ctx.version },
    ...(ctx.repository === undefined ? {} : { repository: { name: ctx.repository.name, ...(ctx.repository.commit === undefined ? {} : { commit: ctx.repository.commit }) } }),
    findings: sortFindings(result.findings).map(findingJson),
    suppressed: result.suppressed,
    skipped: sortByPath(result.skipped),
    problems: sortByPath(result.problems),
    notices: [...(result.notices ?? [])],
    stats: { chunks: result.stats.chunks, bytes: result.stats.bytes },
    isPartial: result.isPartial,
    // Present only when findings were verified: how many the providers still accept.
    ...verificationSummary(result),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
