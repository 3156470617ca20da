import { describe, expect, it } from 'vitest';
import { createMatcher, isProviderRule } from '../../src/engine/index.js';
import { scanFileNames } from '../../src/pipeline/file-names.js';
import { loadBuiltinRules } from '../../src/rules/index.js';
import { FAKE } from '../helpers/fake-secrets.js';

const { rules } = await loadBuiltinRules();
const NO_SUPPRESSION = { isPathSuppressed: () => false, isSuppressed: () => false };

describe('scanFileNames', () => {
  it('finds a provider token in a file name, located in the name, and redacts it from any text', () => {
    const path = `keys/${FAKE.stripe}.txt`;
    const scan = scanFileNames([{ path }, { path: 'src/index.ts' }], { rules, policy: NO_SUPPRESSION, shouldRevealSecrets: false });
    expect(scan.findings).toHaveLength(1);
    expect(scan.findings[0]).toMatchObject({ ruleId: 'stripe.secret-key', path, isInFileName: true, startLine: 1, startColumn: 6, context: 'keys/sk_l…(32).txt' });
    expect(scan.findings[0]?.secret).toBeUndefined();
    expect(scan.redactText(`could not read ${path}`)).toBe('could not read keys/sk_l…(32).txt');
    expect(scan.redactText('src/index.ts')).toBe('src/index.ts');
  });

  it('gives the name finding its own fingerprint, not the one of the same token in that file', () => {
    const path = `${FAKE.stripe}.js`;
    const [name] = scanFileNames([{ path }], { rules, policy: NO_SUPPRESSION, shouldRevealSecrets: false }).findings;
    const [content] = createMatcher(rules).scanChunk({ origin: 'tree', path, text: `k = "${FAKE.stripe}";\n`, startLine: 1 }).findings;
    expect(name?.secretId).toBe(content?.secretId);
    expect(name?.fingerprint).not.toBe(content?.fingerprint);
  });

  it('runs the provider rules only: an assignment-shaped name is not a generic finding', () => {
    const path = 'config/password=Xq7vLp2Rz9Tw4Kb8/app.yaml';
    // The same text as content is a finding of a generic rule, which a name must not give.
    const asContent = createMatcher(rules).scanChunk({ origin: 'tree', path: 'a.txt', text: path, startLine: 1 }).findings;
    const byId = new Map(rules.map((rule) => [rule.spec.id, rule]));
    expect(
      asContent.some((f) => {
        const rule = byId.get(f.ruleId);
        return rule !== undefined && !isProviderRule(rule);
      }),
    ).toBe(true);
    expect(scanFileNames([{ path }], { rules, policy: NO_SUPPRESSION, shouldRevealSecrets: false }).findings).toEqual([]);
  });

  it('reuses a given matcher that keeps no raw values, and still knows what to redact', () => {
    const path = `keys/${FAKE.stripe}.txt`;
    const matcher = createMatcher(rules);
    const scan = scanFileNames([{ path }], { rules, matcher, policy: NO_SUPPRESSION, shouldRevealSecrets: false });
    expect(scan.findings.map((f) => f.ruleId)).toEqual(['stripe.secret-key']);
    expect(scan.redactText(`moved ${path}`)).toBe('moved keys/sk_l…(32).txt');
  });

  it('applies the allowlist, and leaves text unchanged with --show-secrets', () => {
    const path = `keys/${FAKE.stripe}.txt`;
    const allowlisted = scanFileNames([{ path }], { rules, policy: { isPathSuppressed: (p) => p.startsWith('keys/'), isSuppressed: () => false }, shouldRevealSecrets: false });
    expect(allowlisted.findings).toEqual([]);
    const shown = scanFileNames([{ path }], { rules, policy: NO_SUPPRESSION, shouldRevealSecrets: true });
    expect(shown.findings[0]?.secret).toBe(FAKE.stripe);
    expect(shown.redactText(path)).toBe(path);
  });
});
