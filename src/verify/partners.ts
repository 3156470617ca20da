import type { Finding } from '../findings/index.js';

/**
 * The partner value a paired secret is checked with (an Alpaca key id for its secret key): a
 * finding of the partner rule in the same file, the nearest line first; else the one value the
 * partner rule found anywhere in the scan. Undefined when there is none, or several elsewhere.
 */
export function partnerValueOf(finding: Finding, partnerRuleId: string, findings: readonly Finding[]): string | undefined {
  const candidates = findings.filter((f) => f.ruleId === partnerRuleId && f.secret !== undefined);
  const sameFile = candidates.filter((f) => f.path === finding.path && f.commit?.sha === finding.commit?.sha);
  if (sameFile.length > 0) {
    const nearest = [...sameFile].sort((a, b) => Math.abs(a.startLine - finding.startLine) - Math.abs(b.startLine - finding.startLine))[0];
    return nearest?.secret;
  }
  const values = new Set(candidates.map((f) => f.secret));
  return values.size === 1 ? [...values][0] : undefined;
}
