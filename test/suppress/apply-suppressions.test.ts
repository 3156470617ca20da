import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/findings/index.js';
import { applySuppressions, baselineOf, type Suppressions } from '../../src/suppress/index.js';
import { cleanResult, sampleFindings } from '../helpers/sample-result.js';

const STALE = `v1:${'f'.repeat(32)}`;

function resultWithSamples(): ScanResult {
  return { ...cleanResult(), findings: sampleFindings() };
}

describe('applySuppressions', () => {
  it('changes nothing and adds no counts without a baseline or ignore file', () => {
    const result = resultWithSamples();
    const applied = applySuppressions(result, {});
    expect(applied.result.findings).toEqual(result.findings);
    expect(applied.result.suppressed).toEqual({ inline: 0, allowlist: 0, paths: 0 });
    expect(applied.unused).toEqual({ baseline: [], ignore: [] });
  });

  it('drops listed findings, counting the ignore file first, and lists entries that matched nothing', () => {
    const findings = sampleFindings();
    const [first, second, third] = findings;
    if (first === undefined || second === undefined || third === undefined) throw new Error('sample too small');
    const staleEntry = { fingerprint: STALE, ruleId: 'old.rule', path: 'gone.ts' };
    const suppressions: Suppressions = {
      baseline: { file: '/r/b.json', displayName: 'b.json', isDefault: true, entries: [...baselineOf([first, second]).entries, staleEntry] },
      ignore: {
        file: '/r/.secretscanignore',
        displayName: '.secretscanignore',
        entries: [
          { fingerprint: second.fingerprint, line: 2 },
          { fingerprint: STALE, line: 5 },
        ],
      },
    };
    const applied = applySuppressions({ ...cleanResult(), findings }, suppressions);
    expect(applied.result.findings.map((f) => f.fingerprint)).not.toContain(first.fingerprint);
    expect(applied.result.findings.map((f) => f.fingerprint)).not.toContain(second.fingerprint);
    expect(applied.result.findings).toContain(third);
    expect(applied.result.suppressed).toEqual({ inline: 0, allowlist: 0, paths: 0, baseline: 1, ignored: 1 });
    expect(applied.unused).toEqual({ baseline: [staleEntry], ignore: [{ fingerprint: STALE, line: 5 }] });
  });

  it('reports zero counts for files in use that matched nothing', () => {
    const suppressions: Suppressions = {
      baseline: { file: '/b', displayName: 'b', isDefault: false, entries: [] },
      ignore: { file: '/i', displayName: 'i', entries: [] },
    };
    expect(applySuppressions(resultWithSamples(), suppressions).result.suppressed).toEqual({ inline: 0, allowlist: 0, paths: 0, baseline: 0, ignored: 0 });
  });

  it('does not modify its input', () => {
    const result = resultWithSamples();
    const before = structuredClone(result);
    applySuppressions(result, { baseline: { file: '/b', displayName: 'b', isDefault: true, entries: baselineOf(result.findings).entries } });
    expect(result).toEqual(before);
  });
});
