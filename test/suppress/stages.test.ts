import { describe, expect, it } from 'vitest';
import { matchSuppressor, runFindingStages, SUPPRESSION_STAGES, suppressionFrom, withoutAllowlistedFiles } from '../../src/suppress/index.js';
import { sampleFindings } from '../helpers/sample-result.js';

describe('the suppression stages', () => {
  it('are one ordered list: paths, inline marker, allowlist, secret-bearing files, ignore file, baseline', () => {
    expect(SUPPRESSION_STAGES.map((stage) => `${stage.id}:${stage.point}:${stage.counter}`)).toEqual([
      'allowlisted-path:path:paths',
      'inline-marker:match:inline',
      'allowlist:match:allowlist',
      'sensitive-file-path:audit:paths',
      'ignore-file:finding:ignored',
      'baseline:finding:baseline',
    ]);
  });

  it('count a match by the first match stage that drops it, and build the candidate only when asked', () => {
    const suppress = matchSuppressor(suppressionFrom([{ reason: 'docs', regexes: ['^docs_'] }]));
    let built = 0;
    const ask = (secret: string, isMarked: boolean) =>
      suppress({
        candidate: () => (built++, { ruleId: 'x.y', path: 'a.ts', secret }),
        isOnMarkedLine: () => isMarked,
      });
    expect(ask('docs_1', true)).toBe('inline');
    expect(built).toBe(0);
    expect(ask('docs_1', false)).toBe('allowlist');
    expect(ask('real_1', false)).toBeUndefined();
    expect(matchSuppressor(undefined)({ candidate: () => ({ ruleId: 'x.y', path: 'a', secret: 's' }), isOnMarkedLine: () => false })).toBeUndefined();
  });

  it('run the finding stages in order without touching their input: the ignore file counts a finding both files list', () => {
    const findings = sampleFindings();
    const [first, second] = findings;
    if (first === undefined || second === undefined) throw new Error('sample too small');
    const before = structuredClone(findings);
    const { kept, counts } = runFindingStages(findings, {
      ignore: { file: '/i', displayName: 'i', entries: [{ fingerprint: first.fingerprint, line: 1 }] },
      baseline: { file: '/b', displayName: 'b', isDefault: true, entries: [first, second].map(({ fingerprint, ruleId, path }) => ({ fingerprint, ruleId, path })) },
    });
    expect(counts).toEqual({ ignored: 1, baseline: 1 });
    expect(kept).toEqual(findings.slice(2));
    expect(findings).toEqual(before);
    expect(runFindingStages(findings, {}).counts).toEqual({});
  });

  it('leave out secret-bearing file findings an allowlist covers, and say how many', () => {
    const findings = sampleFindings();
    const covered = findings[0]?.path ?? '';
    const { kept, dropped } = withoutAllowlistedFiles(findings, { isSuppressed: (_rule, path) => path === covered });
    expect(kept.some((finding) => finding.path === covered)).toBe(false);
    expect(dropped).toBe(findings.length - kept.length);
    expect(dropped).toBeGreaterThan(0);
  });
});
