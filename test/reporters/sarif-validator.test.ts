import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { toSarif } from '../../src/reporters/index.js';
import type { ScanResult } from '../../src/findings/index.js';
import { cleanResult, sampleContext, sampleResult } from '../helpers/sample-result.js';

// The validator ships per platform; this test uses the Linux build (CI runs Linux). Elsewhere it
// is skipped, and on Linux a missing package fails loudly instead of skipping. The native binary is
// called directly, without a shell: the package's bin.js spawns with `shell: true`, and the shell
// would split the rule kind "Gh;Sarif" at the semicolon.
const isLinux = process.platform === 'linux';
const require = createRequire(import.meta.url);
const multitool = isLinux ? join(dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')), 'Sarif.Multitool') : '';
const workDir = mkdtempSync(join(tmpdir(), 'secretscan-sarif-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

// SARIF2006 (UrisShouldBeReachable) sends an HTTP GET to every URI in the log. Tests stay off the
// network, and that rule only ever reports notes, which this test ignores anyway. Disabling it
// makes the tool print WRN999 ("rule explicitly disabled") on stdout; that is not a result.
const config = join(workDir, 'offline.xml');
writeFileSync(
  config,
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Properties>',
    '  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">',
    '    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />',
    '  </Properties>',
    '</Properties>',
    '',
  ].join('\n'),
);

interface Issue {
  rule: string;
  level: string;
  text: string;
}

/** Runs `Sarif.Multitool validate --rule-kind "Gh;Sarif"` and returns its errors and warnings. */
function validatorIssues(name: string, sarif: string): Issue[] {
  const input = join(workDir, `${name}.sarif`);
  const output = join(workDir, `${name}.validation.sarif`);
  writeFileSync(input, sarif);
  const run = spawnSync(multitool, ['validate', '--rule-kind', 'Gh;Sarif', '--config', config, input, '-o', output], {
    encoding: 'utf8',
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  expect(run.error, 'could not start the SARIF multitool').toBeUndefined();
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  const log = JSON.parse(readFileSync(output, 'utf8').replace(/^\uFEFF/, '')) as Log;
  const invocation = log.runs[0]?.invocations?.[0];
  expect(invocation?.executionSuccessful).toBe(true);
  expect(invocation?.toolExecutionNotifications ?? []).toEqual([]);
  // The only configuration notice allowed is the one about the rule disabled above.
  const notices = (invocation?.toolConfigurationNotifications ?? []).map((n) => n.descriptor?.id ?? n.message.text);
  expect(notices.filter((id) => id !== 'WRN999.RuleExplicitlyDisabled')).toEqual([]);
  return (log.runs[0]?.results ?? [])
    .map((result) => ({
      rule: result.ruleId ?? '?',
      // SARIF's default level is "warning": a result without one counts as a warning.
      level: result.level ?? 'warning',
      text: result.message.text ?? JSON.stringify(result.message.arguments ?? []),
    }))
    .filter((issue) => issue.level === 'error' || issue.level === 'warning');
}

const CASES: Record<string, () => ScanResult> = { rich: sampleResult, clean: cleanResult };

describe.runIf(isLinux)("Microsoft's SARIF validator with GitHub's rules", () => {
  it.each(Object.keys(CASES))('reports no errors and no warnings for the %s sample', (name) => {
    const build = CASES[name];
    if (build === undefined) throw new Error(`no case ${name}`);
    expect(validatorIssues(name, toSarif(build(), sampleContext()))).toEqual([]);
  }, 60_000);

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
