import { describe, expect, it } from 'vitest';
import type { ConformanceCase } from '../../../scripts/conformance/cases.js';
import { formatText } from '../../../scripts/conformance/format-text.js';
import { scoreCase, type CaseFinding } from '../../../scripts/conformance/score.js';
import { summarize } from '../../../scripts/conformance/summary.js';

const LONG_SECRET = 'tok_0123456789abcdefghij';

function makeCase(id: string, provider: string, text: string, secret: string | null, expect: 'secret' | 'clean' = 'secret'): ConformanceCase {
  return { id, source: id.startsWith('np') ? 'noseyparker' : 'gitleaks', provider, text, expect, secret };
}

// A stand-in scanner: reports the first `tok_` token (line 1 only), and throws on texts starting with "boom".
function fakeScan(text: string): CaseFinding[] {
  const at = text.indexOf('tok_');
  if (at < 0) return [];
  if (text.startsWith('boom')) throw new Error('scanner failed');
  return [{ ruleId: 'fake.token', startLine: 1, startColumn: at + 1, endLine: 1, endColumn: at + 1 + LONG_SECRET.length }];
}

const cases = [
  makeCase('np:1', 'acme', `key = ${LONG_SECRET}`, LONG_SECRET),
  makeCase('np:2', 'acme', `nothing here ${LONG_SECRET.replace('tok_', 'pat_')}`, LONG_SECRET.replace('tok_', 'pat_')),
  makeCase('gl:3', 'acme', 'tok_', null, 'clean'),
  makeCase('gl:4', 'other', 'plain words', null, 'clean'),
  makeCase('gl:5', 'other', `boom ${LONG_SECRET}`, LONG_SECRET),
];

describe('summarize', () => {
  const summary = summarize(
    cases.map((c) => scoreCase(c, fakeScan)),
    1,
  );

  it('tallies overall, per source and per provider (largest first)', () => {
    expect(summary.overall).toMatchObject({ secretCases: 3, detected: 1, cleanCases: 2, falsePositives: 1 });
    expect(summary.byProvider.map((g) => [g.name, g.detected, g.falsePositives])).toEqual([
      ['acme', 1, 1],
      ['other', 0, 0],
    ]);
    expect(summary.bySource.map((g) => g.name)).toEqual(['gitleaks', 'noseyparker']);
    expect(summary.byProvider[1]?.falsePositiveRate).toBe(0);
  });

  it('lists misses with a redacted secret, false positives with rule ids, and scanner errors', () => {
    expect(summary.misses.map((m) => [m.id, m.preview])).toEqual([
      ['np:2', 'pat_…(24)'],
      ['gl:5', 'tok_…(24)'],
    ]);
    expect(summary.falsePositives).toEqual([{ id: 'gl:3', provider: 'acme', ruleIds: ['fake.token'] }]);
    expect(summary.errors).toEqual([{ id: 'gl:5', message: 'Error: scanner failed' }]);
  });

  it('never prints a full case secret', () => {
    const text = formatText(summary, 'cases.jsonl', 50);
    expect(text).toContain('recall 33.3% (1/3 secret cases)');
    expect(text).not.toContain(LONG_SECRET);
    expect(text).not.toContain(LONG_SECRET.replace('tok_', 'pat_'));
  });

  it('cuts the lists to the limit and says so', () => {
    expect(formatText(summary, 'cases.jsonl', 1)).toContain('misses (2; showing 1, use --misses N for more):');
  });
});
