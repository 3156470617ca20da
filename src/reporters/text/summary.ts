import type { Finding, ScanResult } from '../../findings/index.js';
import type { Colors } from './color.js';
import { fileCount, plural, severityBreakdown, skipBreakdown, suppressedBreakdown, verificationBreakdown } from '../shared/counts.js';
import { printable } from '../../terminal-text/index.js';
import { sortByPath } from '../shared/sort-findings.js';

function skippedLines(result: ScanResult): string[] {
  if (result.skipped.length === 0) return [];
  const lines = [`Skipped ${plural(result.skipped.length, 'file')}: ${skipBreakdown(result.skipped)}.`];
  for (const file of sortByPath(result.skipped)) {
    const size = file.size === undefined ? '' : `, ${file.size} bytes`;
    lines.push(`  ${printable(file.path)}  (${file.reason}${size})`);
  }
  return lines;
}

function problemLines(result: ScanResult, c: Colors): string[] {
  if (result.problems.length === 0) return [];
  const lines = [c.red(`${plural(result.problems.length, 'problem')}:`)];
  for (const problem of sortByPath(result.problems)) {
    lines.push(`  ${printable(problem.path)}: ${printable(problem.message)}`);
  }
  return lines;
}

/** The headline: how many findings, where, how severe; or the clean message. */
function headline(findings: readonly Finding[], c: Colors): string {
  if (findings.length === 0) return c.green('No secrets found.');
  const counts = `${plural(findings.length, 'finding')} in ${plural(fileCount(findings), 'file')}`;
  return c.bold(c.red(`${counts} (${severityBreakdown(findings)}).`));
}

/**
 * How many rules ran and what was suppressed, always said: a clean report means little without
 * either (a config can turn every rule off, or allowlist every file).
 */
export function rulesAndSuppressed(result: ScanResult, ruleCount: number): string {
  const suppressed = suppressedBreakdown(result.suppressed);
  return `${plural(ruleCount, 'rule')} ran; suppressed: ${suppressed === '' ? 'nothing' : suppressed}.`;
}

/**
 * The closing block of the text report: headline, rules run and suppressed counts, skipped files by reason and
 * by path, problems, and the partial-scan warning. Skips and problems are never silent.
 */
export function summaryLines(result: ScanResult, c: Colors, ruleCount: number): string[] {
  const lines = [headline(result.findings, c)];
  const verified = verificationBreakdown(result.findings);
  if (verified !== '') lines.push(`Verified with the providers: ${verified}.`);
  lines.push(rulesAndSuppressed(result, ruleCount));
  lines.push(...skippedLines(result), ...problemLines(result, c));
  if (result.isPartial) {
    lines.push(c.yellow('Warning: partial scan. Some content could not be scanned, so this report may be missing secrets.'));
  }
  return lines;
}
