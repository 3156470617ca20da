import type { Finding } from '../findings/index.js';
import type { Repository } from '../sources/index.js';
import type { LocatedPlan } from './format-located.js';
import type { RemediationScans } from './gather-scans.js';
import { planForLocation } from './location-plan.js';
import { locateSecret } from './secret-location.js';
import { withVerification } from './verification-line.js';

const PLACE_ORDER = { pushed: 0, unpushed: 1, 'working-tree': 2 } as const;

/**
 * One plan per secret among the scans' targets, for where it lives, ordered pushed first (those
 * are the urgent ones), then unpushed, then the working tree; by path and line within each.
 */
export async function locatedPlans(scans: RemediationScans, repo: Repository | undefined, replacementsFile: string): Promise<LocatedPlan[]> {
  const representative = new Map<string, Finding>();
  for (const finding of scans.targets) if (!representative.has(finding.secretId)) representative.set(finding.secretId, finding);
  const rules = new Map(scans.rules.map((rule) => [rule.spec.id, rule]));
  const plans: LocatedPlan[] = [];
  for (const [secretId, finding] of representative) {
    const location = await locateSecret(repo?.root, scans.evidence.get(secretId) ?? { other: [finding] });
    const rule = rules.get(finding.ruleId);
    plans.push({ finding, location, plan: withVerification(planForLocation({ ruleId: finding.ruleId, ruleName: finding.ruleName, ...(rule === undefined ? {} : { rule }) }, location, replacementsFile), finding.verification) });
  }
  return plans.sort((a, b) => PLACE_ORDER[a.location.place] - PLACE_ORDER[b.location.place] || (a.finding.path < b.finding.path ? -1 : a.finding.path > b.finding.path ? 1 : a.finding.startLine - b.finding.startLine));
}
