import type { Rule } from '../rules/index.js';
import { envNameFor } from './env-name.js';
import { DEFAULT_REPLACEMENTS_FILE, locatedVerifyStep, preventStep, pushedPurgeStep, removeStep, rewriteStep } from './location-steps.js';
import type { SecretLocation } from './secret-location.js';
import { rotateStep } from './steps.js';
import type { RemediationPlan, RemediationStep } from './types.js';

/** The rule a located secret was found by; `rule` is absent when it is not loaded. */
export interface PlanRule {
  ruleId: string;
  ruleName: string;
  rule?: Rule;
}

/**
 * The plan for one secret where it actually lives: never committed -> remove (and unstage);
 * unpushed -> rotate, rewrite the local commits; pushed -> rotate, purge with git filter-repo and
 * force-push. Every plan then prevents a repeat and verifies. Rotate always comes first.
 */
export function planForLocation(target: PlanRule, location: SecretLocation, replacementsFile: string = DEFAULT_REPLACEMENTS_FILE): RemediationPlan {
  const provider = target.rule?.provider;
  const envName = envNameFor(target.ruleId, provider?.id ?? target.ruleId.split('.')[0] ?? target.ruleId);
  const steps: RemediationStep[] = [];
  if (location.place === 'working-tree') steps.push(removeStep(location));
  else {
    const rotate = rotateStep(provider);
    if (location.place === 'unpushed') {
      rotate.why = 'It has not left this machine through git, but it sat in a commit: rotating is the only step that does not depend on that staying true.';
    }
    steps.push(rotate, location.place === 'unpushed' ? rewriteStep(location, replacementsFile) : pushedPurgeStep(location, replacementsFile));
  }
  steps.push(preventStep(location, envName), locatedVerifyStep(location));
  return { ruleId: target.ruleId, ruleName: target.ruleName, providerName: provider?.name ?? 'the provider', steps };
}
