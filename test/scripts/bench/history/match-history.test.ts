import { describe, expect, it } from 'vitest';
import { findingsOfHistoryReport, matchHistory, type ResolvedPlant } from '../../../../scripts/bench/history/match-history.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const plants: ResolvedPlant[] = [
  { kind: 'pem', path: 'k.txt', line: 10, lineCount: 5, commit: A, ref: 'refs/heads/main', removedIn: B },
  { kind: 'aws', path: '.env', line: 3, lineCount: 1, commit: B, ref: 'refs/heads/side' },
];

describe('findingsOfHistoryReport', () => {
  it('reads findings with their commit and occurrences', () => {
    const report = {
      findings: [
        { ruleId: 'r', path: 'p', startLine: 2, commit: { sha: A, author: 'x', date: 'd' }, occurrences: [{ path: 'q', startLine: 4, startColumn: 1, commit: { sha: B } }] },
        { ruleId: 's', path: 'p', startLine: 1 },
      ],
    };
    expect(findingsOfHistoryReport(JSON.stringify(report))).toEqual([
      { ruleId: 'r', path: 'p', startLine: 2, commit: A, occurrences: [{ path: 'q', startLine: 4, commit: B }] },
      { ruleId: 's', path: 'p', startLine: 1, occurrences: [] },
    ]);
  });

  it('rejects anything else', () => {
    expect(() => findingsOfHistoryReport('[]')).toThrow(/not a JSON report/);
    expect(() => findingsOfHistoryReport('{"findings": [{"ruleId": "r", "path": "p"}]}')).toThrow(/not a JSON report/);
    expect(() => findingsOfHistoryReport('{"findings": [{"ruleId": "r", "path": "p", "startLine": 1, "occurrences": [1]}]}')).toThrow(/not a JSON report/);
  });
});

describe('matchHistory', () => {
  it('finds a plant through the finding itself or one of its occurrences, at the adding commit only', () => {
    const findings = [
      { ruleId: 'pem', path: 'other', startLine: 1, commit: B, occurrences: [{ path: 'k.txt', startLine: 12, commit: A }] },
      { ruleId: 'aws', path: '.env', startLine: 3, commit: A, occurrences: [] },
      { ruleId: 'generic', path: 'x', startLine: 1, occurrences: [] },
    ];
    const match = matchHistory(plants, findings);
    expect(match.found).toEqual([{ ...plants[0], ruleIds: ['pem'] }]);
    expect(match.missed).toEqual([plants[1]]);
    expect(match.elsewhere.map((f) => f.ruleId)).toEqual(['aws', 'generic']);
  });
});
