import type { Finding } from '../findings/index.js';
import { markdownCode, markdownText } from './markdown-escape.js';
import type { VersionControlInfo } from './types.js';

/** Rows beyond this are counted, not listed: a GitHub comment holds at most 65,536 characters. */
export const MAX_TABLE_ROWS = 100;

function blobUrl(finding: Finding, vcs: VersionControlInfo | undefined): string | undefined {
  const revision = finding.commit?.sha ?? vcs?.revisionId;
  if (vcs === undefined || revision === undefined || !vcs.repositoryUri.startsWith('https://')) return undefined;
  const path = finding.path.split('/').map(encodeURIComponent).join('/');
  return `${vcs.repositoryUri.replace(/\/+$/, '')}/blob/${revision}/${path}#L${finding.startLine}`;
}

function row(finding: Finding, vcs: VersionControlInfo | undefined): string {
  const location = markdownCode(`${finding.path}:${finding.startLine}`);
  const url = blobUrl(finding, vcs);
  const cells = [
    finding.severity,
    `${markdownText(finding.ruleName)} (${markdownCode(finding.ruleId)})`,
    url === undefined ? location : `[${location}](${url})`,
    markdownCode(finding.preview),
    finding.commit === undefined ? '' : markdownCode(finding.commit.sha.slice(0, 12)),
  ];
  return `| ${cells.join(' | ')} |`;
}

/**
 * The findings table (severity, rule, file:line, preview, commit). Locations link to the file at
 * the finding's commit, or at the scanned revision, when the repository URL is known.
 */
export function findingsTable(findings: readonly Finding[], vcs: VersionControlInfo | undefined): string[] {
  const lines = ['| Severity | Rule | Location | Preview | Commit |', '| --- | --- | --- | --- | --- |'];
  lines.push(...findings.slice(0, MAX_TABLE_ROWS).map((finding) => row(finding, vcs)));
  if (findings.length > MAX_TABLE_ROWS) {
    lines.push('', `…and ${findings.length - MAX_TABLE_ROWS} more. The JSON and SARIF reports list every finding.`);
  }
  return lines;
}
