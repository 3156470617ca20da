import type { Finding, ScanResult } from '../../findings/index.js';
import type { Colors } from './color.js';
import { createColors } from './color.js';
import { firedRules } from '../shared/fired-rules.js';
import { positionOf } from '../shared/location.js';
import { isHistoryFinding } from '../shared/occurrences.js';
import { printable } from '../../terminal-text/index.js';
import { sortFindings } from '../shared/sort-findings.js';
import { historyLines } from './history.js';
import { commitAdviceLines } from './advice.js';
import { summaryLines } from './summary.js';
import type { ReportContext } from '../types.js';

function paintSeverity(finding: Finding, c: Colors): string {
  const padded = finding.severity.padEnd(6);
  if (finding.severity === 'high') return c.bold(c.red(padded));
  return finding.severity === 'medium' ? c.yellow(padded) : c.cyan(padded);
}

const DECODED_LABEL: Record<NonNullable<Finding['decodedFrom']>, string> = {
  base64: 'the base64 value',
  'json-string': 'the escaped JSON string',
  url: 'the %-encoded text',
};

/** The verification column (`--verify`): live, revoked, unknown, or `-` for a rule without a verifier. */
function paintVerification(finding: Finding, c: Colors): string {
  const status = finding.verification?.status;
  const padded = `${(status ?? '-').padEnd(7)}  `;
  if (status === 'live') return c.bold(c.red(padded));
  return status === 'revoked' ? c.green(padded) : c.dim(padded);
}

function findingLines(finding: Finding, widths: { position: number; rule: number; hasVerification: boolean }, c: Colors): string[] {
  const position = positionOf(finding).padEnd(widths.position);
  const indent = ' '.repeat(2 + widths.position + 2);
  const verified = widths.hasVerification ? paintVerification(finding, c) : '';
  const lines = [
    `  ${position}  ${paintSeverity(finding, c)}  ${verified}${finding.ruleId.padEnd(widths.rule)}  ` + `${c.bold(printable(finding.preview))}  ${c.dim(printable(finding.ruleName))}`,
    `${indent}${c.dim(printable(finding.context))}`,
  ];
  if (finding.verification !== undefined) lines.push(`${indent}provider: ${finding.verification.status} at ${finding.verification.checkedAt} (${printable(finding.verification.detail)})`);
  if (finding.decodedFrom !== undefined) lines.push(`${indent}found after decoding ${DECODED_LABEL[finding.decodedFrom]} at this location`);
  if (finding.isInFileName === true) lines.push(`${indent}found in the file name (the position is in the path): rename the file, and purge the old name from history`);
  if (isHistoryFinding(finding)) {
    lines.push(...historyLines(finding, c).map((line) => `${indent}${line}`));
  } else if (finding.commit !== undefined) {
    const { sha, author, date } = finding.commit;
    lines.push(`${indent}commit ${sha.slice(0, 12)}  ${printable(author)}  ${printable(date)}`);
  }
  // Only with --show-secrets does the engine set `secret`; the user asked to see it.
  if (finding.secret !== undefined) lines.push(`${indent}${c.red(`secret: ${printable(finding.secret)}`)}`);
  return lines;
}

function groupByPath(findings: readonly Finding[]): Finding[][] {
  const groups: Finding[][] = [];
  for (const finding of findings) {
    const last = groups.at(-1);
    if (last !== undefined && last[0]?.path === finding.path) last.push(finding);
    else groups.push([finding]);
  }
  return groups;
}

function fileBlock(group: readonly Finding[], c: Colors, hasVerification: boolean): string[] {
  const widths = {
    // reduce, not Math.max(...): one file can hold more findings than a call takes arguments.
    position: group.reduce((width, f) => Math.max(width, positionOf(f).length), 0),
    rule: group.reduce((width, f) => Math.max(width, f.ruleId.length), 0),
    hasVerification,
  };
  const path = group[0]?.path ?? '';
  return [c.bold(printable(path)), ...group.flatMap((finding) => findingLines(finding, widths, c)), ''];
}

// Facts about the scan (e.g. a shallow clone's depth), in the order the scan reported them.
function noticeLines(result: ScanResult, c: Colors): string[] {
  return (result.notices ?? []).map((notice) => `${c.bold('note:')} ${printable(notice)}`);
}

function fixHintLines(result: ScanResult, ctx: ReportContext): string[] {
  const fired = firedRules(result.findings, ctx.rules);
  const width = Math.max(...fired.map((rule) => rule.id.length));
  return [
    'Rotate each credential at its provider first: rewriting git history does not un-leak a pushed secret.',
    ...fired.map((f) => `  ${f.id.padEnd(width)}  ${f.rule?.provider.remediation.rotateUrl ?? '(rotate it where it was issued)'}`),
    `Then remove it from the code and purge it from history: \`${ctx.command ?? 'secretscan'} scan --format markdown\` prints the full steps per rule.`,
    '',
  ];
}

/**
 * The report for people: findings grouped by file, each with position, severity, rule, redacted
 * preview, redacted context line and commit (for history findings: who introduced the secret, whether
 * HEAD still holds it, and where else it appears); then where to rotate (for a commit being made:
 * how to get it through, with the fingerprints to ignore a false positive), notices, and a summary.
 * Colour only when `ctx.useColor` is set.
 */
export function toText(result: ScanResult, ctx: ReportContext): string {
  const c = createColors(ctx.useColor);
  const findings = sortFindings(result.findings);
  const hasVerification = findings.some((finding) => finding.verification !== undefined);
  const lines = groupByPath(findings).flatMap((group) => fileBlock(group, c, hasVerification));
  if (findings.length > 0) {
    lines.push(...(ctx.commitAdvice === undefined ? fixHintLines(result, ctx) : commitAdviceLines(findings, ctx.commitAdvice, ctx.command ?? 'secretscan')));
  }
  lines.push(...noticeLines(result, c), ...summaryLines(result, c, ctx.rules.length));
  return `${lines.join('\n')}\n`;
}
