import { describe, expect, it } from 'vitest';
import { SEED_RULE_IDS, selectSeedRules } from '../../../../scripts/bench/scale/seed-rules.js';
import { loadBuiltinRules } from '../../../../src/rules/index.js';

describe('selectSeedRules', () => {
  it('finds all ten seed rules among the built-in rules', async () => {
    const { rules } = await loadBuiltinRules();
    const seed = selectSeedRules(rules);
    expect(SEED_RULE_IDS).toHaveLength(10);
    expect(Array.isArray(seed) ? seed.map((r) => r.spec.id) : seed).toEqual([...SEED_RULE_IDS]);
  });

  it('names the seed ids that are missing', async () => {
    const { rules } = await loadBuiltinRules();
    const seed = selectSeedRules(rules.filter((r) => r.spec.id !== 'jwt.token'));
    expect(seed).toEqual({ error: expect.stringContaining('jwt.token') });
  });
});
