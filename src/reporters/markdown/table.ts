import { placeOf } from '../shared/location.js';
import type { Finding } from '../../findings/index.js';
import { plural } from '../shared/counts.js';
import { blobUrlOf } from './blob-url.js';
import { markdownCode, markdownText } from './escape.js';
import { otherPaths } from '../shared/occurrences.js';
import type { VersionControlInfo } from '../types.js';

/** Rows beyond this are counted, not listed: a GitHub comment holds at most 65,536 characters. */
export const MAX_TABLE_ROWS = 100;

function locationCell(finding: Finding, vcs: VersionControlInfo | undefined): string {
  const location = markdownCode(placeOf(finding));
  const url = blobUrlOf({ path: finding.path, line: finding.startLine, sha: finding.commit?.sha }, vcs);
  const linked = url === undefined ? location : `[${location}](${url})`;
  const others = otherPaths(finding).length;
  return others === 0 ? linked : `${linked} +${plural(others, 'more place', 'more places')}`;
}

function headCell(finding: Finding): string {
  if (finding.isPresentAtHead === undefined) return '—';
  return finding.isPresentAtHead ? 'yes' : 'no';
}

const VERIFICATION_CELL: Readonly<Record<string, string>> = { live: '**live**', revoked: 'revoked', unknown: 'unknown' };

function verificationCell(finding: Finding): string {
  const { verification } = finding;
  return verification === undefined ? '—' : `${VERIFICATION_CELL[verification.status] ?? ''} (${markdownText(verification.checkedAt)})`;
}

function row(finding: Finding, vcs: VersionControlInfo | undefined, hasHeadColumn: boolean, hasVerification: boolean): string {
  const cells = [
    finding.severity,
    `${markdownText(finding.ruleName)} (${markdownCode(finding.ruleId)})`,
    locationCell(finding, vcs),
    `${markdownCode(finding.preview)}${finding.decodedFrom === undefined ? '' : ` (${finding.decodedFrom}-decoded)`}${finding.isInFileName === true ? ' (in the file name)' : ''}`,
    finding.commit === undefined ? '' : markdownCode(finding.commit.sha.slice(0, 12)),
    ...(hasHeadColumn ? [headCell(finding)] : []),
    ...(hasVerification ? [verificationCell(finding)] : []),
  ];
  return `| ${cells.join(' | ')} |`;
}

/**
 * The findings table (severity, rule, file:line, preview, commit, and "Still at HEAD" when any
 * finding comes from a history scan). Locations link to the file at the finding's commit, or at
 * the scanned revision, when the repository URL is known, and count the other places the secret appears.
 */
export function findingsTable(findings: readonly Finding[], vcs: VersionControlInfo | undefined): string[] {
  const hasHeadColumn = findings.some((finding) => finding.isPresentAtHead !== undefined);
  const hasVerification = findings.some((finding) => finding.verification !== undefined);
  const headers = ['Severity', 'Rule', 'Location', 'Preview', 'Commit', ...(hasHeadColumn ? ['Still at HEAD'] : []), ...(hasVerification ? ['Provider says'] : [])];
  const lines = [`| ${headers.join(' | ')} |`, `|${' --- |'.repeat(headers.length)}`];
  lines.push(...findings.slice(0, MAX_TABLE_ROWS).map((finding) => row(finding, vcs, hasHeadColumn, hasVerification)));
  if (findings.length > MAX_TABLE_ROWS) {
    lines.push('', `…and ${findings.length - MAX_TABLE_ROWS} more. The JSON and SARIF reports list every finding.`);
  }
  return lines;
}
