import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

// The project dogfoods itself: its own tree scans clean with its own .secretscan.yaml.
it('scans its own working tree clean', async () => {
  const run = await runCli(['scan', '--format', 'json'], { cwd: REPO_ROOT });
  const report = JSON.parse(run.stdout) as { findings: { path: string; ruleId: string; startLine: number }[] };
  expect(report.findings.map((f) => `${f.path}:${f.startLine} ${f.ruleId}`)).toEqual([]);
  expect(run.code).toBe(0);
});

// ...and its whole history too (a shallow CI clone audits what it has, and says so).
it('audits its own history clean', async () => {
  const run = await runCli(['scan', '--history', '--format', 'json'], { cwd: REPO_ROOT });
  const report = JSON.parse(run.stdout) as { findings: { path: string; ruleId: string }[] };
  expect(report.findings.map((f) => `${f.path} ${f.ruleId}`)).toEqual([]);
  expect(run.code).toBe(0);
});
