import type { GitignoreOutcome } from './gitignore-audit.js';
import { printable, shellQuote } from '../terminal-text/index.js';

/**
 * The `secretscan gitignore` report as text: findings, why and where values belong, the lines and
 * commands. Repository paths are printed through `printable` (and quoted for the shell in commands).
 */
export function formatOutcomeText(outcome: GitignoreOutcome, shouldFix: boolean): string {
  const out: string[] = [];
  const shown = shouldFix ? outcome.remaining : outcome.findings;
  if (outcome.findings.length === 0) out.push('secretscan gitignore: no secret-bearing file is tracked or left unignored');
  else out.push(`secretscan gitignore: ${outcome.findings.length} secret-bearing file(s) tracked or not ignored`);
  const kinds = new Map(outcome.catalogue.kinds.map((kind) => [kind.spec.id, kind.spec]));
  for (const finding of outcome.findings) {
    const spec = kinds.get(finding.ruleId);
    out.push('', `  ${finding.severity.padEnd(6)}  ${printable(finding.path)}  (${finding.ruleId}: ${finding.ruleName})`, `          ${printable(finding.context)}`);
    if (spec !== undefined) out.push(`          why: ${spec.why}`, `          belongs in: ${spec.belongsIn}`);
  }
  if (shouldFix) {
    if (outcome.appended.length > 0) out.push('', `appended ${outcome.appended.length} line(s) to .gitignore:`, ...outcome.appended.map((line) => `  ${printable(line)}`));
    else out.push('', '.gitignore already has every line it needs');
  } else if (outcome.missing.length > 0) {
    out.push('', '.gitignore lacks these lines (`secretscan gitignore --fix` appends them):');
    for (const entry of outcome.missing) out.push(`  # ${entry.name}: ${entry.paths.map(printable).join(', ')}`, ...entry.lines.map((line) => `  ${printable(line)}`));
  }
  if (outcome.tracked.length > 0) {
    out.push('', 'ignoring does not untrack: run these yourself (secretscan never does), commit, and rotate what the files held:');
    for (const path of outcome.tracked) out.push(`  git rm --cached -- ${shellQuote(path)}`);
  }
  if (shouldFix && outcome.findings.length > 0 && shown.length === 0) out.push('', 'all fixed');
  return `${out.join('\n')}\n`;
}

/** The same report as JSON (no file contents are ever read into it). */
export function formatOutcomeJson(outcome: GitignoreOutcome): string {
  const finding = (f: GitignoreOutcome['findings'][number]): Record<string, unknown> => ({ ruleId: f.ruleId, name: f.ruleName, severity: f.severity, path: f.path, context: f.context, fingerprint: f.fingerprint });
  return `${JSON.stringify(
    {
      findings: outcome.findings.map(finding),
      missing: outcome.missing,
      appended: outcome.appended,
      remaining: outcome.remaining.map(finding),
      untrack: outcome.tracked.map((path) => `git rm --cached -- ${shellQuote(path)}`),
    },
    null,
    2,
  )}\n`;
}
