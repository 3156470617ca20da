import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/engine/index.js';
import type { ScanResult } from '../../src/findings/index.js';
import { toText } from '../../src/reporters/index.js';
import { compileTestPack } from '../helpers/rules.js';

const PACK = `
provider:
  id: rich
  name: Rich
  remediation: { rotateUrl: 'https://rich.test/keys', steps: [Revoke it] }
rules:
  - id: rich.token
    name: Rich token
    description: rich_ followed by 32 alphanumerics.
    severity: high
    pattern: '\\b(?<secret>rich_[A-Za-z0-9]{32})\\b'
    keywords: [rich_]
    references: [https://rich.test/docs]
    tags: [test]
    examples: ['rich_Q7b9ZxW2kLm4Np8Rt6Yv3Hs1Q7b9ZxW2', 'x rich_a8Kd92LmQz7Xw3Rt5Yp1Nc6Ba8Kd92Lm']
    negativeExamples: ['rich_Q7b9ZxW2']
`;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * `count` distinct tokens, one per line, each followed by a copy glued to a letter: the copy is no
 * match of the rule (no word boundary) yet must be redacted in the context too.
 */
function richText(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    let body = '';
    for (let n = i, k = 0; k < 32; k++, n = Math.floor(n / 62)) body += ALPHANUMERIC[(n + k * 7) % 62];
    lines.push(`k${i} = "rich_${body}"; // xrich_${body}`);
  }
  return `${lines.join('\n')}\n`;
}

// Scaling numbers (time and memory per finding as the count grows) are in `npm run bench -- finding-rich`.
describe('one file with very many findings', () => {
  it('scans 200,000 distinct secrets without overflowing the stack, every copy redacted, and reports them as text', { timeout: 300_000 }, () => {
    const count = 200_000;
    const rules = compileTestPack(PACK);
    const { findings } = createMatcher(rules).scanChunk({ origin: 'tree', path: 'rich.js', text: richText(count), startLine: 1 });
    expect(findings.length).toBe(count);
    expect(new Set(findings.map((f) => f.secretId)).size).toBe(count);
    expect(findings.filter((f) => /rich_[A-Za-z0-9]{32}/.test(f.context))).toEqual([]);
    expect(findings[1]?.context).toBe('k1 = "rich…(37)"; // xrich…(37)');
    const result: ScanResult = { findings, suppressed: { inline: 0, allowlist: 0, paths: 0 }, skipped: [], problems: [], stats: { chunks: 1, bytes: 0, durationMs: 0 }, isPartial: false };
    // The text reporter sizes its columns over all of one file's findings at once.
    const text = toText(result, { toolName: 'secretscan', version: '0', informationUri: 'https://example.test', rules, root: '/r', useColor: false });
    expect(text.split('\n').filter((line) => /^ +\d+:\d+ +high +rich\.token /.test(line)).length).toBe(count);
  });
});
