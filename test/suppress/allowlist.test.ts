import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import { loadYamlSupport } from '../../src/rules/index.js';
import { suppressionFrom } from '../../src/suppress/index.js';

await loadYamlSupport();

describe('suppressionFrom', () => {
  const policy = suppressionFrom(
    parseConfig(
      `
allowlist:
  - reason: fixtures
    paths: [fixtures/, '!fixtures/real/']
  - reason: docs token
    rules: [stripe]
    regexes: ['^sk_test_docs']
  - reason: staging
    paths: [deploy/staging/]
    stopwords: [staging]
`,
      'c.yaml',
    ).allowlist,
  );

  it('skips whole paths in gitignore syntax, honouring negation', () => {
    expect(policy.isPathSuppressed('fixtures/a/b.txt')).toBe(true);
    expect(policy.isPathSuppressed('fixtures/real/key.pem')).toBe(false);
    expect(policy.isPathSuppressed('src/fixtures.ts')).toBe(false);
  });

  it('requires every condition of an entry to hold', () => {
    expect(policy.isSuppressed({ ruleId: 'stripe.secret-key', path: 'a', secret: 'sk_test_docs123' })).toBe(true);
    expect(policy.isSuppressed({ ruleId: 'slack.bot-token', path: 'a', secret: 'sk_test_docs123' })).toBe(false);
    expect(policy.isSuppressed({ ruleId: 'x.y', path: 'deploy/staging/app.env', secret: 'STAGING-abc' })).toBe(true);
    expect(policy.isSuppressed({ ruleId: 'x.y', path: 'deploy/prod/app.env', secret: 'STAGING-abc' })).toBe(false);
  });
});
