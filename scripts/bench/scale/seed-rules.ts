import type { Rule } from '../../../src/rules/index.js';

/**
 * The ten "seed" rules the scale bench compares the whole rule set against: the first rules of the
 * project, one or two per common provider, plus the two generic assignment rules (the costliest).
 * Fixed ids, so the ratio stays comparable as packs are added.
 */
export const SEED_RULE_IDS = [
  'aws.access-key-id',
  'github.personal-access-token',
  'stripe.secret-key',
  'slack.bot-token',
  'openai.project-key',
  'anthropic.api-key',
  'jwt.token',
  'private-key.pem',
  'generic.secret-assignment',
  'generic.password-assignment',
] as const;

/** The seed rules out of `rules`, in SEED_RULE_IDS order; an error names the ids that no longer exist. */
export function selectSeedRules(rules: readonly Rule[]): Rule[] | { error: string } {
  const byId = new Map(rules.map((rule) => [rule.spec.id, rule]));
  const missing = SEED_RULE_IDS.filter((id) => !byId.has(id));
  if (missing.length > 0) return { error: `seed rule(s) not among the built-in rules: ${missing.join(', ')} (update SEED_RULE_IDS)` };
  return SEED_RULE_IDS.map((id) => byId.get(id) as Rule);
}
