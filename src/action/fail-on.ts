import { UsageError } from '../errors.js';
import type { Finding, Severity, UnlistedFindings } from '../findings/index.js';

/** The `fail-on` input: the lowest severity that fails the step, `live` (verified live secrets only), or `none`. */
export type FailOn = Severity | 'live' | 'none';

const RANK: Readonly<Record<Severity, number>> = { low: 1, medium: 2, high: 3 };

/** Parses the `fail-on` input (default `low`: any finding fails the step). */
export function parseFailOn(value: string): FailOn {
  const normal = value.trim().toLowerCase();
  if (normal === '') return 'low';
  if (normal === 'high' || normal === 'medium' || normal === 'low' || normal === 'live' || normal === 'none') return normal;
  throw new UsageError(`fail-on: "${value}" is not a severity`, 'use high, medium, low, live (with verify) or none');
}

/** The findings at or above the threshold: the ones that fail the step. */
export function failingFindings(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'none') return [];
  if (failOn === 'live') return findings.filter((finding) => finding.verification?.status === 'live');
  const floor = RANK[failOn];
  return findings.filter((finding) => RANK[finding.severity] >= floor);
}

/** How many of the findings counted past `--max-findings` are at or above the threshold. */
export function unlistedFailing(unlisted: UnlistedFindings | undefined, failOn: FailOn): number {
  if (unlisted === undefined || failOn === 'none' || failOn === 'live') return 0;
  const floor = RANK[failOn];
  return (['high', 'medium', 'low'] as const).filter((severity) => RANK[severity] >= floor).reduce((sum, severity) => sum + unlisted[severity], 0);
}
