import { describe, expect, it } from 'vitest';
import { compilePacks, type RulePack, type RuleSpec, type VerifySpec } from '../../src/rules/index.js';
import { checkVerifiers, verifierProblems } from '../../src/verify/index.js';

const PROVIDER = { id: 'stripe', name: 'Stripe', remediation: { rotateUrl: 'https://dashboard.stripe.com/apikeys', steps: ['Roll the key.'] } };

function ruleWith(verify: unknown, provider = PROVIDER, extra: Partial<RuleSpec> = {}) {
  const spec: RuleSpec = {
    id: `${provider.id}.test-key`,
    name: 'Test key',
    description: 'A test rule.',
    severity: 'high',
    pattern: '\\b(?<secret>tk_[a-z0-9]{20})\\b',
    keywords: ['tk_'],
    references: ['https://example.com'],
    tags: ['test'],
    examples: ['tk_abcdefghij0123456789', 'x = tk_zyxwvutsrq9876543210'],
    negativeExamples: ['tk_short'],
    verify: verify as VerifySpec,
    ...extra,
  };
  const pack: RulePack = { file: 'rules/test.yaml', provider, rules: [spec] };
  const loaded = compilePacks([pack]);
  const rule = loaded.rules[0];
  if (rule === undefined) throw new Error(loaded.problems.join('\n'));
  return rule;
}

const GOOD = {
  requests: [{ method: 'GET', url: 'https://api.stripe.com/v1/balance', headers: { Authorization: 'Bearer {{secret}}' } }],
  live: { status: [200] },
  revoked: { status: [401] },
};

const problemsOf = (verify: unknown, provider = PROVIDER) => {
  const rule = ruleWith(verify, provider);
  return verifierProblems(rule, new Set([rule.spec.id]));
};

describe('verifierProblems', () => {
  it('accepts a request to the provider host', () => {
    expect(problemsOf(GOOD)).toEqual([]);
  });
  it("refuses a host that is not the provider's", () => {
    expect(problemsOf({ ...GOOD, requests: [{ ...GOOD.requests[0], url: 'https://collector.example.com/v1/balance' }] }).join('\n')).toMatch(/collector\.example\.com is not an allowed host for provider stripe/);
  });
  it('refuses plain http and a placeholder in the host', () => {
    expect(problemsOf({ ...GOOD, requests: [{ ...GOOD.requests[0], url: 'http://api.stripe.com/v1/balance' }] }).join('\n')).toMatch(/must start with https:\/\//);
    expect(problemsOf({ ...GOOD, requests: [{ ...GOOD.requests[0], url: 'https://{{secret}}.stripe.com/' }] }).join('\n')).toMatch(/literal host name/);
  });
  it('refuses a verifier on a generic rule', () => {
    const generic = { ...PROVIDER, id: 'generic', name: 'Generic' };
    expect(problemsOf({ ...GOOD }, generic).join('\n')).toMatch(/never verified/);
  });
  it('refuses unknown fields and placeholders, missing matchers, a request without the secret', () => {
    const text = problemsOf({ requests: [{ method: 'PUT', url: 'https://api.stripe.com/x?{{token}}', headers: { A: 'b' } }], bogus: 1 }).join('\n');
    expect(text).toMatch(/unknown field `bogus`/);
    expect(text).toMatch(/method must be GET or POST/);
    expect(text).toMatch(/unknown placeholder/);
    expect(text).toMatch(/never uses \{\{secret\}\}/);
    expect(text).toMatch(/`live` must be a mapping/);
  });
  it('refuses a partner placeholder that is not the declared partner, and an unknown partner', () => {
    const text = problemsOf({ ...GOOD, partner: 'stripe.nothing', requests: [{ ...GOOD.requests[0], headers: { A: '{{secret}}{{partner:stripe.other}}' } }] }).join('\n');
    expect(text).toMatch(/`partner` must be the id of another rule/);
    expect(text).toMatch(/\{\{partner:stripe.other\}\} is not the rule's `partner`/);
  });
  it('wants exactly one of requests, code, unverifiable', () => {
    expect(problemsOf({ ...GOOD, unverifiable: 'because' }).join('\n')).toMatch(/exactly one of/);
    expect(problemsOf({ code: 'aws-sts' }).join('\n')).toMatch(/sends to sts\.amazonaws\.com, not an allowed host for provider stripe/);
  });
});

describe('checkVerifiers', () => {
  it('fails a verifier whose matchers do not tell live from revoked', async () => {
    const rule = ruleWith({ ...GOOD, live: { status: [401] }, revoked: { status: [401] } });
    const problems = await checkVerifiers([rule]);
    expect(problems.join('\n')).toMatch(/the stand-in rejects an altered value, but the verifier says live/);
  });
  it('passes a good verifier', async () => {
    expect(await checkVerifiers([ruleWith(GOOD)])).toEqual([]);
  });
});
