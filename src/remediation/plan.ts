import type { Rule } from '../rules/index.js';
import { envNameFor } from './env-name.js';
import { purgeStep, relocateStep, rotateStep, verifyStep } from './steps.js';
import type { RemediationPlan } from './types.js';

/**
 * The remediation plan for a rule, built from its pack's provider data: rotate at the provider,
 * relocate the value, purge history, verify.
 */
export function remediationFor(rule: Rule): RemediationPlan {
  return {
    ruleId: rule.spec.id,
    ruleName: rule.spec.name,
    providerName: rule.provider.name,
    steps: [rotateStep(rule.provider), relocateStep(envNameFor(rule.spec.id, rule.provider.id)), purgeStep(), verifyStep()],
  };
}

/**
 * The plan for a finding whose rule is not loaded (e.g. one from an older baseline or the gitignore
 * audit): the same steps without a provider page.
 */
export function fallbackRemediation(ruleId: string, ruleName: string): RemediationPlan {
  const providerId = ruleId.split('.')[0] ?? ruleId;
  return {
    ruleId,
    ruleName,
    providerName: 'the provider',
    steps: [rotateStep(undefined), relocateStep(envNameFor(ruleId, providerId)), purgeStep(), verifyStep()],
  };
}
