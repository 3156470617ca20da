import { describe, expect, it } from 'vitest';
import { compareStrings } from '../../../src/findings/index.js';
import { sortByPath, sortFindings } from '../../../src/reporters/shared/sort-findings.js';
import { sampleFindings } from '../../helpers/sample-result.js';

describe('sortFindings', () => {
  it('orders by path, line, column and rule id without changing its input', () => {
    const findings = sampleFindings();
    const before = findings.map((f) => f.fingerprint);
    const sorted = sortFindings(findings);
    expect(sorted.map((f) => `${f.path}:${f.startLine}:${f.startColumn}`)).toEqual(['deploy/prod env/.env:3:19', 'docs/café/naïve notes.md:7:22', 'src/app.ts:3:29', 'src/config.ts:12:24', 'src/config.ts:12:81', 'src/config.ts:30:15']);
    expect(findings.map((f) => f.fingerprint)).toEqual(before);
  });

  it('breaks ties on the same position by rule id', () => {
    const [finding] = sampleFindings();
    if (finding === undefined) throw new Error('no sample finding');
    const sorted = sortFindings([
      { ...finding, ruleId: 'b.x' },
      { ...finding, ruleId: 'a.x' },
    ]);
    expect(sorted.map((f) => f.ruleId)).toEqual(['a.x', 'b.x']);
  });
});

describe('compareStrings', () => {
  it('uses code-unit order, not the locale (upper case before lower case)', () => {
    expect(['b', 'B', 'a', 'A'].sort(compareStrings)).toEqual(['A', 'B', 'a', 'b']);
  });
});

describe('sortByPath', () => {
  it('sorts entries by path', () => {
    expect(sortByPath([{ path: 'b' }, { path: 'a' }]).map((e) => e.path)).toEqual(['a', 'b']);
  });
});
