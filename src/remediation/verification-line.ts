import type { Verification } from '../findings/index.js';
import type { RemediationPlan } from './types.js';

/** What the provider's answer (`--verify`) means for the plan, as one sentence. */
export function verificationLine(verification: Verification): string {
  if (verification.status === 'live') return `Still accepted by the provider at ${verification.checkedAt}: rotate now.`;
  if (verification.status === 'revoked') return `Rejected by the provider at ${verification.checkedAt}: already rotated, purge history.`;
  return `The provider's answer at ${verification.checkedAt} was inconclusive (${verification.detail}): rotate it to be sure.`;
}

/**
 * The plan with the provider's answer first in its rotate step (or, for a secret that never left
 * the working tree and so has none, in its first step). Unchanged without an answer.
 */
export function withVerification(plan: RemediationPlan, verification: Verification | undefined): RemediationPlan {
  if (verification === undefined) return plan;
  const index = Math.max(
    0,
    plan.steps.findIndex((step) => step.kind === 'rotate'),
  );
  const steps = plan.steps.map((step, i) => (i === index ? { ...step, actions: [verificationLine(verification), ...step.actions] } : step));
  return { ...plan, steps };
}
