import { describe, expect, it } from 'vitest';
import { findingsOfJsonReport, matchPlanted } from '../../../scripts/bench/match-planted.js';

const planted = [
  { kind: 'pem', path: 'a/key.txt', line: 10, lineCount: 5 },
  { kind: 'aws', path: 'b/.env', line: 3, lineCount: 1 },
];

describe('matchPlanted', () => {
  it('matches findings that start on a planted line of the same file', () => {
    const findings = [
      { ruleId: 'private-key.pem', path: 'a/key.txt', startLine: 10 },
      { ruleId: 'other', path: 'a/key.txt', startLine: 15 },
      { ruleId: 'aws.access-key-id', path: 'c/.env', startLine: 3 },
    ];
    const match = matchPlanted(planted, findings);
    expect(match.found).toEqual([{ ...planted[0], ruleIds: ['private-key.pem'] }]);
    expect(match.missed).toEqual([planted[1]]);
    expect(match.elsewhere.map((f) => f.ruleId)).toEqual(['other', 'aws.access-key-id']);
  });
});

describe('findingsOfJsonReport', () => {
  it('reads the findings of a JSON report and rejects anything else', () => {
    const report = JSON.stringify({ findings: [{ ruleId: 'r', path: 'p', startLine: 1, preview: 'x…(9)' }] });
    expect(findingsOfJsonReport(report)).toHaveLength(1);
    expect(() => findingsOfJsonReport('{"findings": [{"path": 1}]}')).toThrow(/not a JSON report/);
    expect(() => findingsOfJsonReport('[]')).toThrow(/not a JSON report/);
  });
});
