/**
 * What a step is about. A rule's generic plan is always rotate, relocate, purge, verify; a plan for
 * a located secret (see planForLocation) uses `remove` (never committed), `rewrite` (unpushed
 * commits) or `purge` (pushed), and `prevent` in place of `relocate`.
 */
export type RemediationStepKind = 'rotate' | 'remove' | 'rewrite' | 'relocate' | 'purge' | 'prevent' | 'verify';

/** One step of a remediation plan. Renderers turn it into text or Markdown; nothing here is formatted. */
export interface RemediationStep {
  kind: RemediationStepKind;
  /** Imperative one-liner, e.g. "Rotate or revoke the key at Stripe first". No trailing period. */
  title: string;
  /** Why the step matters, as one or two full sentences. */
  why: string;
  /** Page to open for this step (the provider's rotation page). */
  url?: string;
  /** Ordered, imperative actions; each is a full sentence. */
  actions: string[];
  /** Shell commands in the order to run them. Capitalised words (FILE, REMOTE_URL) are placeholders. */
  commands: string[];
}

/** The full plan for one rule: what to do when a secret of this kind has leaked. */
export interface RemediationPlan {
  ruleId: string;
  ruleName: string;
  /** Display name of the provider, e.g. "Stripe"; "the provider" when unknown. */
  providerName: string;
  /** In order; rotate (when there is one) always comes first. */
  steps: RemediationStep[];
}
