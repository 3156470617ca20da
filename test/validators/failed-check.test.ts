import { describe, expect, it } from 'vitest';
import { VALIDATORS } from '../../src/validators/index.js';

// Tokens built for this test: a random 30-character body and a checksum with its last character changed.
const BAD_CHECKSUM = 'ghp_z9o6xi99fLJJ515cbpKf9YYueE0gCP0bUAhS';
const GOOD_CHECKSUM = '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';

describe('validators that report what a format check rejects', () => {
  it('keep a token whose checksum fails, at low severity', () => {
    expect(VALIDATORS['github-checksum']?.(BAD_CHECKSUM)).toEqual({ isValid: false });
    expect(VALIDATORS['github-checksum-fails']?.(BAD_CHECKSUM)).toEqual({ isValid: true, severity: 'low' });
  });

  it('leave a token whose checksum is right to the rule that reports it at full severity', () => {
    expect(VALIDATORS['github-checksum']?.(GOOD_CHECKSUM)).toEqual({ isValid: true });
    expect(VALIDATORS['github-checksum-fails']?.(GOOD_CHECKSUM)).toEqual({ isValid: false });
  });

  it('exist for every checksummed or structured format', () => {
    for (const name of ['github-checksum', 'npm-checksum', 'bech32-checksum', 'jwt-structure']) expect(VALIDATORS[`${name}-fails`]).toBeTypeOf('function');
  });
});

describe('with every rule loaded', async () => {
  const { createMatcher } = await import('../../src/engine/index.js');
  const { loadBuiltinRules } = await import('../../src/rules/index.js');
  const matcher = createMatcher((await loadBuiltinRules()).rules);
  const scan = (text: string) => matcher.scanChunk({ origin: 'tree', path: '.env', text, startLine: 1 }).findings.map((f) => [f.ruleId, f.severity]);

  it('a token with a right checksum is one high finding, one with a wrong checksum one low finding', () => {
    expect(scan(`GH_TOKEN=${GOOD_CHECKSUM}\n`)).toEqual([['github.personal-access-token', 'high']]);
    expect(scan(`GH_TOKEN=${BAD_CHECKSUM}\n`)).toEqual([['github.token-failing-checksum', 'low']]);
  });
});
