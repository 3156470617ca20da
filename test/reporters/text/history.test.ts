import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings/index.js';
import { toText } from '../../../src/reporters/index.js';
import { cleanResult, historyFindings, historyResult, sampleContext, sampleResult } from '../../helpers/sample-result.js';

function stripeFinding(): Finding {
  const finding = historyFindings().find((f) => f.ruleId === 'stripe.secret-key');
  if (finding === undefined) throw new Error('no stripe history finding');
  return finding;
}

function textOf(findings: Finding[]): string {
  return toText({ ...cleanResult(), skipped: [], findings }, sampleContext());
}

describe('toText for history findings', () => {
  it('says who introduced the secret, when, and whether HEAD still holds it', () => {
    const output = toText(historyResult(), sampleContext());
    expect(output).toContain('         introduced in a1b2c3d by Jane Doe <jane@example.com> on 2024-03-01; still at HEAD\n');
    expect(output).toContain('        introduced in a1b2c3d by Jane Doe <jane@example.com> on 2024-03-01; removed from HEAD (still in history)\n');
    expect(output).not.toContain('commit a1b2c3d4e5f6');
  });

  it('lists the other places sorted by commit date then path, aligned, with the commit that put the secret there', () => {
    expect(toText(historyResult(), sampleContext())).toContain('         also in:\n           config/legacy.ts:4           0badc0d\n           docs/café/setup guide.md:20  0badc0d\n');
  });

  it('lists at most 10 other places and counts the rest', () => {
    const finding = stripeFinding();
    const commit = finding.commit;
    const extra = Array.from({ length: 13 }, (_, index) => ({ path: `copies/c${String(index).padStart(2, '0')}.ts`, startLine: 1, startColumn: 1, commit }));
    const output = textOf([{ ...finding, occurrences: [...(finding.occurrences ?? []), ...extra] }]);
    const listed = output.split('\n').filter((line) => /^ {11}\S/.test(line));
    expect(listed).toHaveLength(11);
    expect(listed.at(-1)).toBe('           … and 5 more');
  });

  it('leaves out the HEAD clause when HEAD status is unknown, and the sha of a place no commit added', () => {
    const { isPresentAtHead: _dropped, ...finding } = stripeFinding();
    const occurrences = [...(finding.occurrences ?? []), { path: 'stash/only.ts', startLine: 7, startColumn: 1 }];
    const output = textOf([{ ...finding, occurrences }]);
    expect(output).toContain('introduced in a1b2c3d by Jane Doe <jane@example.com> on 2024-03-01\n');
    expect(output).toContain('           stash/only.ts:7\n');
  });

  it('prints no "also in" block when the secret appears nowhere else', () => {
    const finding = stripeFinding();
    const own = (finding.occurrences ?? []).filter((o) => o.path === finding.path);
    expect(textOf([{ ...finding, occurrences: own }])).not.toContain('also in:');
  });

  it('escapes control characters in paths and authors of other places', () => {
    const finding = stripeFinding();
    const hostile = { path: 'evil\u001b[2J.ts', startLine: 1, startColumn: 1, commit: { sha: 'f'.repeat(40), author: 'x', date: '2024-06-01T00:00:00Z' } };
    const output = textOf([{ ...finding, occurrences: [...(finding.occurrences ?? []), hostile] }]);
    expect(output).not.toContain('\u001b');
    expect(output).toContain('evil\\x1b[2J.ts:1');
  });
});

describe('toText notices', () => {
  it('prints each notice, prefixed "note:", right before the summary', () => {
    const output = toText(historyResult(), sampleContext());
    expect(output).toContain('\nnote: This is a shallow clone: history covers 12 commits back to 2024-01-02.\n2 findings in 2 files (2 high).\n');
  });

  it('keeps the order of several notices and shows them on a clean scan too', () => {
    const output = toText({ ...cleanResult(), notices: ['second thing', 'first thing'] }, sampleContext());
    expect(output.startsWith('note: second thing\nnote: first thing\nNo secrets found.\n')).toBe(true);
  });

  it('prints nothing extra when there are no notices', () => {
    expect(toText(sampleResult(), sampleContext())).not.toContain('note:');
  });
});
