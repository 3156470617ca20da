import { describe, expect, it } from 'vitest';
import type { CommitInfo, Occurrence } from '../../../src/findings/index.js';
import { isHistoryFinding, otherOccurrences, otherPaths, sortOccurrences } from '../../../src/reporters/shared/occurrences.js';
import { historyFindings, sampleFindings } from '../../helpers/sample-result.js';

const commit = (sha: string, date: string): CommitInfo => ({ sha, author: 'A <a@example.com>', date });
const at = (path: string, line: number, commitInfo?: CommitInfo): Occurrence => (commitInfo === undefined ? { path, startLine: line, startColumn: 1 } : { path, startLine: line, startColumn: 1, commit: commitInfo });

describe('sortOccurrences', () => {
  it('orders by commit instant (not by date string), then path, then line', () => {
    const east = commit('e'.repeat(40), '2024-05-17T08:30:00+02:00'); // 06:30 UTC
    const utc = commit('u'.repeat(40), '2024-05-17T07:00:00Z');
    const sorted = sortOccurrences([at('b.ts', 1, utc), at('z.ts', 9, east), at('a.ts', 2, utc), at('a.ts', 1, utc)]);
    expect(sorted.map((o) => `${o.path}:${o.startLine}`)).toEqual(['z.ts:9', 'a.ts:1', 'a.ts:2', 'b.ts:1']);
  });

  it('puts places without a commit last, sorted by path, and leaves its input untouched', () => {
    const input = [at('b.ts', 1), at('a.ts', 1), at('c.ts', 1, commit('c'.repeat(40), '2020-01-01T00:00:00Z'))];
    expect(sortOccurrences(input).map((o) => o.path)).toEqual(['c.ts', 'a.ts', 'b.ts']);
    expect(input.map((o) => o.path)).toEqual(['b.ts', 'a.ts', 'c.ts']);
  });

  it('returns an empty list for a finding without occurrences', () => {
    expect(sortOccurrences(undefined)).toEqual([]);
  });
});

describe('otherOccurrences', () => {
  it("leaves out the finding's own place, once, and sorts the rest", () => {
    const [stripe, aws] = historyFindings();
    if (stripe === undefined || aws === undefined) throw new Error('no history findings');
    expect(otherOccurrences(stripe).map((o) => o.path)).toEqual(['config/legacy.ts', 'docs/café/setup guide.md']);
    expect(otherOccurrences(aws).map((o) => o.path)).toEqual(['deploy/staging.env']);
  });

  it('leaves out only one entry even if the own place is listed twice', () => {
    const [stripe] = historyFindings();
    if (stripe === undefined) throw new Error('no history findings');
    const own = (stripe.occurrences ?? []).filter((o) => o.path === stripe.path);
    expect(otherOccurrences({ ...stripe, occurrences: [...own, ...own] }).map((o) => o.path)).toEqual(['src/config.ts']);
  });

  it('is empty for a finding that is not from a history scan', () => {
    for (const finding of sampleFindings()) expect(otherOccurrences(finding)).toEqual([]);
  });
});

describe('otherPaths', () => {
  it('lists each other path once, with its first commit, in commit order, without the own path', () => {
    const [stripe] = historyFindings();
    if (stripe === undefined) throw new Error('no history findings');
    const first = commit('1'.repeat(40), '2020-01-01T00:00:00Z');
    const later = commit('2'.repeat(40), '2021-01-01T00:00:00Z');
    const last = commit('3'.repeat(40), '2022-01-01T00:00:00Z');
    const own = (stripe.occurrences ?? []).filter((o) => o.path === stripe.path);
    const occurrences = [...own, at(stripe.path, 40, last), at('b.ts', 3, last), at('b.ts', 7, first), at('a.ts', 1, later), at('b.ts', 9, later)];
    const listed = otherPaths({ ...stripe, occurrences });
    expect(listed.map((o) => `${o.path}:${o.startLine}@${o.commit?.sha.slice(0, 1)}`)).toEqual(['b.ts:7@1', 'a.ts:1@2']);
  });
});

describe('isHistoryFinding', () => {
  it('is true when a finding has occurrences or a HEAD status, false for range and directory findings', () => {
    expect(historyFindings().every(isHistoryFinding)).toBe(true);
    expect(sampleFindings().some(isHistoryFinding)).toBe(false);
    const [plain] = sampleFindings();
    if (plain === undefined) throw new Error('no sample finding');
    expect(isHistoryFinding({ ...plain, isPresentAtHead: false })).toBe(true);
    expect(isHistoryFinding({ ...plain, occurrences: [] })).toBe(true);
  });
});
