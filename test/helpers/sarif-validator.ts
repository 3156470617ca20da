import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { Log } from 'sarif';

// The validator ships per platform; this test uses the Linux build (CI runs Linux). Elsewhere it
// is skipped, and on Linux a missing package fails loudly instead of skipping. The native binary is
// called directly, without a shell: the package's bin.js spawns with `shell: true`, and the shell
// would split the rule kind "Gh;Sarif" at the semicolon.
export const isLinux = process.platform === 'linux';
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

/** One validator result at level error or warning. */
export interface Issue {
  rule: string;
  level: string;
  text: string;
}

/** Runs `Sarif.Multitool validate --rule-kind "Gh;Sarif"` and returns its errors and warnings. */
export function validatorIssues(name: string, sarif: string): Issue[] {
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
