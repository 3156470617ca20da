import type { Finding, Severity } from '../../findings/index.js';
import type { Rule } from '../../rules/index.js';
import { compareStrings } from '../../findings/index.js';

/** A rule that produced at least one finding in this result. */
export interface FiredRule {
  id: string;
  name: string;
  /** The rule's declared severity, or the first finding's when the rule is not loaded. */
  severity: Severity;
  /** Undefined when no loaded rule has this id (e.g. a finding from the gitignore audit or an old baseline). */
  rule: Rule | undefined;
  /** Number of findings for this rule. */
  count: number;
}

/** The distinct rules behind `findings`, sorted by id, so report sections and SARIF indexes are stable. */
export function firedRules(findings: readonly Finding[], rules: readonly Rule[]): FiredRule[] {
  const byId = new Map(rules.map((rule) => [rule.spec.id, rule]));
  const fired = new Map<string, FiredRule>();
  for (const finding of findings) {
    const seen = fired.get(finding.ruleId);
    if (seen !== undefined) {
      seen.count += 1;
      continue;
    }
    const rule = byId.get(finding.ruleId);
    fired.set(finding.ruleId, {
      id: finding.ruleId,
      name: rule?.spec.name ?? finding.ruleName,
      severity: rule?.spec.severity ?? finding.severity,
      rule,
      count: 1,
    });
  }
  return [...fired.values()].sort((a, b) => compareStrings(a.id, b.id));
}
