import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { toSarif } from '../../../src/reporters/index.js';
import type { ScanResult } from '../../../src/findings/index.js';
import { cleanResult, historyResult, sampleContext, sampleResult, withOtherPlaces } from '../../helpers/sample-result.js';
import { isLinux, validatorIssues } from '../../helpers/sarif-validator.js';

// A history finding whose secret is in 150 more places: 100 related locations, bracketed link text.
function manyPlaces(): ScanResult {
  const result = historyResult();
  return { ...result, findings: result.findings.map((finding) => withOtherPlaces(finding, 150)) };
}

const CASES: Record<string, () => ScanResult> = { rich: sampleResult, clean: cleanResult, history: historyResult, 'many-places': manyPlaces };

describe.runIf(isLinux)("Microsoft's SARIF validator with GitHub's rules", () => {
  it.each(Object.keys(CASES))(
    'reports no errors and no warnings for the %s sample',
    (name) => {
      const build = CASES[name];
      if (build === undefined) throw new Error(`no case ${name}`);
      expect(validatorIssues(name, toSarif(build(), sampleContext()))).toEqual([]);
    },
    60_000,
  );

  // Guards the harness itself: if the tool or the parsing of its output broke, every log would
  // look clean. A result without locations (GitHub rejects it) and a driver without a version must not.
  it('does report problems in a log that GitHub would reject', () => {
    const log = JSON.parse(toSarif(sampleResult(), sampleContext())) as Log;
    const run = log.runs[0];
    if (run === undefined) throw new Error('no run');
    delete run.tool.driver.version;
    delete run.tool.driver.semanticVersion;
    delete run.results?.[0]?.locations;
    const issues = validatorIssues('broken', JSON.stringify(log));
    expect(issues).toContainEqual(expect.objectContaining({ rule: 'GH1015', level: 'error' }));
    expect(issues).toContainEqual(expect.objectContaining({ rule: 'SARIF2005', level: 'warning' }));
  }, 60_000);

  it('reports no errors and no warnings without version control details', () => {
    expect(validatorIssues('no-vcs', toSarif(sampleResult(), sampleContext({ vcs: undefined })))).toEqual([]);
  }, 60_000);
});
