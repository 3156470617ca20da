import { describe, expect, it } from 'vitest';
import { firedRules } from '../../../src/reporters/shared/fired-rules.js';
import { SAMPLE_RULES, sampleFindings } from '../../helpers/sample-result.js';

describe('firedRules', () => {
  it('returns each rule that produced a finding once, sorted by id, with its count', () => {
    const fired = firedRules(sampleFindings(), SAMPLE_RULES);
    expect(fired.map((rule) => [rule.id, rule.count])).toEqual([
      ['aws.access-key-id', 1],
      ['generic.password-assignment', 1],
      ['legacy.api-token', 1],
      ['sentry.dsn', 1],
      ['stripe.secret-key', 2],
    ]);
  });

  it('keeps a finding whose rule is not loaded, with the name and severity from the finding', () => {
    const legacy = firedRules(sampleFindings(), SAMPLE_RULES).find((rule) => rule.id === 'legacy.api-token');
    expect(legacy).toMatchObject({ name: 'Legacy API token', severity: 'medium', rule: undefined });
  });

  it('is empty for no findings', () => {
    expect(firedRules([], SAMPLE_RULES)).toEqual([]);
  });
});
