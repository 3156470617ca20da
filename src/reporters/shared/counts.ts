import { SEVERITIES } from '../../findings/index.js';
import type { Finding, ScanResult, SkippedFile } from '../../findings/index.js';

/** `1 finding`, `2 findings`: English count phrases for summaries. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** `3 high, 1 low`: non-zero severities in SEVERITIES order. */
export function severityBreakdown(findings: readonly Finding[]): string {
  return SEVERITIES.map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`)
    .join(', ');
}

/**
 * `2 live, 1 revoked, 1 unknown`: what the providers said about the verified findings (`--verify`),
 * or '' when none was verified.
 */
export function verificationBreakdown(findings: readonly Finding[]): string {
  const verified = findings.filter((finding) => finding.verification !== undefined);
  if (verified.length === 0) return '';
  return (['live', 'revoked', 'unknown'] as const).map((status) => `${verified.filter((f) => f.verification?.status === status).length} ${status}`).join(', ');
}

/** Number of distinct paths with at least one finding. */
export function fileCount(findings: readonly Finding[]): number {
  return new Set(findings.map((finding) => finding.path)).size;
}

/** `2 binary, 1 too-large`: skip reasons with their counts, sorted by reason. */
export function skipBreakdown(skipped: readonly SkippedFile[]): string {
  const counts = new Map<string, number>();
  for (const file of skipped) counts.set(file.reason, (counts.get(file.reason) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');
}

// Labels for the suppression mechanisms; a mechanism added later shows under its key until named here.
const SUPPRESSION_LABELS: Readonly<Record<string, string>> = {
  inline: 'inline',
  allowlist: 'allowlist',
  paths: 'allowlisted paths',
  baseline: 'in the baseline',
  ignored: 'in .secretscanignore',
};

/** `2 inline, 1 allowlist, 3 allowlisted paths, 4 in the baseline`, or '' when nothing was suppressed. */
export function suppressedBreakdown(suppressed: ScanResult['suppressed']): string {
  return Object.entries(suppressed)
    .filter((entry): entry is [string, number] => (entry[1] ?? 0) > 0)
    .map(([mechanism, count]) => `${count} ${SUPPRESSION_LABELS[mechanism] ?? mechanism}`)
    .join(', ');
}
