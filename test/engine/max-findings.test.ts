import { describe, expect, it } from 'vitest';
import { createMatcher, inProcessScanner, scanChunks, type ScanInput } from '../../src/engine/index.js';
import { compileTestPack } from '../helpers/rules.js';

const PACK = `
provider:
  id: capped
  name: Capped
  remediation: { rotateUrl: 'https://capped.test/keys', steps: [Revoke it] }
rules:
  - id: capped.token
    name: Capped token
    description: capd_ followed by 24 alphanumerics.
    severity: high
    pattern: '\\b(?<secret>capd_[A-Za-z0-9]{24})\\b'
    keywords: [capd_]
    references: [https://capped.test/docs]
    tags: [test]
    examples: ['capd_Q7b9ZxW2kLm4Np8Rt6Yv3Hs1', 'x capd_a8Kd92LmQz7Xw3Rt5Yp1Nc6B']
    negativeExamples: ['capd_Q7b9ZxW2']
`;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function token(n: number): string {
  let body = '';
  for (let k = 0, v = n; k < 24; k++, v = Math.floor(v / 62)) body += ALPHANUMERIC[(v + k * 11) % 62];
  return `capd_${body}`;
}

/** `count` distinct tokens, one per line; with `isOneLine`, all on one line. */
function richText(count: number, isOneLine = false): string {
  const parts = Array.from({ length: count }, (_, i) => `k${i} = "${token(i)}";`);
  return isOneLine ? `${parts.join(' ')}\n` : `${parts.join('\n')}\n`;
}

describe('a finding limit (--max-findings)', () => {
  const rules = compileTestPack(PACK);

  it('builds the first findings of a chunk in detail and counts the rest by severity', () => {
    const { findings, unlisted } = createMatcher(rules, { maxFindings: 100 }).scanChunk({ origin: 'tree', path: 'rich.js', text: richText(1000), startLine: 1 });
    expect(findings.map((f) => f.startLine)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(unlisted).toEqual({ high: 900, medium: 0, low: 0 });
  });

  it('redacts every copy in the kept context lines, even of secrets past the limit, on one long line', () => {
    // A copy of the last secret glued to a letter (no match of its own) sits in the first findings' context.
    const text = `a${token(1999)} ${richText(2000, true)}`;
    const { findings, unlisted } = createMatcher(rules, { maxFindings: 10 }).scanChunk({ origin: 'tree', path: 'one-line.js', text, startLine: 1 });
    expect(findings).toHaveLength(10);
    expect(unlisted?.high).toBe(1990);
    expect(findings.filter((f) => /capd_[A-Za-z0-9]{24}/.test(f.context))).toEqual([]);
  });

  it('keeps the same findings across chunks whatever order they finish in, and counts the rest', async () => {
    const inputs = (order: number[]): AsyncIterable<ScanInput> =>
      (async function* () {
        for (const i of order) yield { origin: 'tree', path: `f${String(i).padStart(2, '0')}.js`, text: richText(30), startLine: 1 };
      })();
    const scanner = inProcessScanner(createMatcher(rules, { maxFindings: 25 }));
    const forward = await scanChunks(inputs([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), scanner, { maxFindings: 25 });
    const backward = await scanChunks(inputs([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]), scanner, { maxFindings: 25 });
    expect(forward.findings.map((f) => `${f.path}:${f.startLine}`)).toEqual(backward.findings.map((f) => `${f.path}:${f.startLine}`));
    expect(forward.findings[24]).toMatchObject({ path: 'f00.js', startLine: 25 });
    // 10 files x 30 matches: 25 per file built in detail, 5 counted; then 25 kept of the 250.
    expect(forward.unlisted).toEqual({ limit: 25, high: 275, medium: 0, low: 0 });
    expect(backward.unlisted).toEqual(forward.unlisted);
  });

  it('leaves a result without a limit, or under it, unmarked', async () => {
    const text = richText(50);
    expect(createMatcher(rules).scanChunk({ origin: 'tree', path: 'a.js', text, startLine: 1 }).unlisted).toBeUndefined();
    const under = await scanChunks(
      (async function* () {
        yield { origin: 'tree' as const, path: 'a.js', text, startLine: 1 };
      })(),
      inProcessScanner(createMatcher(rules, { maxFindings: 50 })),
      { maxFindings: 50 },
    );
    expect(under.findings).toHaveLength(50);
    expect(under.unlisted).toBeUndefined();
  });
});
