import type { Verification } from '../findings/index.js';

/** What the provider's answer (`--verify`) means for the plan, as one sentence for the rotate checklist. */
export function verificationLine(verification: Verification): string {
  if (verification.status === 'live') return `Still accepted by the provider at ${verification.checkedAt}: rotate now.`;
  if (verification.status === 'revoked') return `Rejected by the provider at ${verification.checkedAt}: already rotated, purge history.`;
  return `The provider's answer at ${verification.checkedAt} was inconclusive (${verification.detail}): rotate it to be sure.`;
}
