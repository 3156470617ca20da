import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/engine/index.js';
import { compileTestPack } from '../helpers/rules.js';

// Two packs whose rules see the same text: one finding per secret, the most telling one.
const pack = (provider: string, rules: string) => `
provider:
  id: ${provider}
  name: ${provider}
  remediation: { rotateUrl: 'https://${provider}.test/keys', steps: [Revoke it] }
rules:
${rules}`;
const rule = (id: string, severity: string, pattern: string, keyword: string) => `
  - id: ${id}
    name: ${id}
    description: test rule
    severity: ${severity}
    pattern: '${pattern}'
    keywords: [${keyword}]
    references: [https://x.test]
    tags: [test]
    examples: ['a', 'b']
    negativeExamples: ['c']`;

const scan = (rules: ReturnType<typeof compileTestPack>, text: string) =>
  createMatcher(rules)
    .scanChunk({ origin: 'tree', path: 'a.txt', text, startLine: 1 })
    .findings.map((f) => f.ruleId);

describe('overlapping matches', () => {
  it('reports a secret two providers both match once, under the more severe rule', () => {
    const rules = [...compileTestPack(pack('alpha', rule('alpha.key', 'medium', '\\b(?<secret>zz_[a-z0-9]{20})\\b', 'zz_'))), ...compileTestPack(pack('beta', rule('beta.key', 'high', '\\b(?<secret>zz_[a-z0-9]{20})\\b', 'zz_')))];
    expect(scan(rules, 'KEY=zz_q8w7e6r5t4y3u2i1o0p9')).toEqual(['beta.key']);
  });

  it('folds a secret inside a larger one into it', () => {
    const rules = [
      ...compileTestPack(pack('alpha', rule('alpha.url', 'high', 'db://user:(?<secret>zz_[a-z0-9]{20})@host', 'db://'))),
      ...compileTestPack(pack('beta', rule('beta.key', 'high', '\\b(?<secret>zz_[a-z0-9]{20})\\b', 'zz_'))),
      ...compileTestPack(pack('gamma', rule('gamma.url', 'high', '(?<secret>db://user:zz_[a-z0-9]{20}@host)', 'db://'))),
    ];
    expect(scan(rules, 'URL=db://user:zz_q8w7e6r5t4y3u2i1o0p9@host')).toEqual(['gamma.url']);
  });
});
