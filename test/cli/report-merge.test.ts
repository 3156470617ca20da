import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepo, git } from '../helpers/git-repo.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { sarifSchemaErrors } from '../reporters/sarif/schema.js';
import { hex, report, reportFinding, writeReports } from '../merge/report-fixtures.js';

interface MergedJson {
  kind: string;
  repositories: { name: string; commit: string; findings: number }[];
  findings: { ruleId: string; preview: string; repositories: { repository: string; path: string; firstCommit?: { sha: string } }[] }[];
  totals: { secrets: number; bySeverity: Record<string, number>; byProvider: { provider: string; secrets: number; repositories: number }[]; byRepository: { repository: string; secrets: number }[] };
}

/** Scans a fixture repository's history into `<dir>/<name>.json` and returns the path. */
async function scannedReport(dir: string, name: string, files: Record<string, string>): Promise<string> {
  const repo = await createRepo({ commits: [{ files }] });
  git(repo, ['remote', 'add', 'origin', `https://github.com/acme/${name}.git`]);
  const out = join(dir, `${name}.json`);
  const run = await runCli(['scan', '--history', '--format', 'json', '-o', out], { cwd: repo });
  expect(run.code, run.stderr).toBe(1);
  return out;
}

describe('report merge', () => {
  it('merges real history reports of three repositories: one finding per secret in every format, nothing raw', async () => {
    const dir = await makeTempDir();
    const reports = [
      await scannedReport(dir, 'billing-api', { 'config.ts': `export const key = "${FAKE.stripe}";\n` }),
      await scannedReport(dir, 'trading-bot', { 'bot.py': `STRIPE = "${FAKE.stripe}"\nAWS = "${FAKE.awsKeyId}"\n` }),
      await scannedReport(dir, 'web', { 'server.js': `const k = "${FAKE.stripeOther}";\n` }),
    ];
    const json = await runCli(['report', 'merge', ...reports], { cwd: dir });
    expect(json.code, json.stderr).toBe(1);
    const merged = JSON.parse(json.stdout) as MergedJson;
    expect(merged.kind).toBe('merge');
    expect(merged.repositories.map((r) => r.name)).toEqual(['github.com/acme/billing-api', 'github.com/acme/trading-bot', 'github.com/acme/web']);
    const shared = merged.findings.filter((f) => f.repositories.length === 2);
    expect(shared.map((f) => [f.ruleId, f.repositories.map((r) => `${r.repository}:${r.path}`)])).toEqual([['stripe.secret-key', ['github.com/acme/billing-api:config.ts', 'github.com/acme/trading-bot:bot.py']]]);
    expect(merged.totals.secrets).toBe(merged.findings.length);
    expect(merged.totals.byProvider.find((p) => p.provider === 'stripe')).toEqual({ provider: 'stripe', secrets: 2, repositories: 3 });
    expect(merged.totals.byRepository.map((r) => [r.repository, r.secrets])).toEqual([
      ['github.com/acme/billing-api', 1],
      ['github.com/acme/trading-bot', 2],
      ['github.com/acme/web', 1],
    ]);
    const markdown = await runCli(['report', 'merge', '--format', 'markdown', ...reports], { cwd: dir });
    expect(markdown.stdout).toContain('secrets in 3 repositories');
    expect(markdown.stdout).toMatch(/\| `github\.com\/acme\/trading-bot` \| 2 \|/);
    expect(markdown.stdout).toContain('### How to fix: Stripe secret key');
    const sarifOut = join(dir, 'merged.sarif');
    const sarif = await runCli(['report', 'merge', '--format', 'sarif', '-o', sarifOut, ...reports], { cwd: dir });
    expect(sarif.code).toBe(1);
    const log = JSON.parse(await readFile(sarifOut, 'utf8')) as { runs: { results: { relatedLocations?: unknown[] }[]; originalUriBaseIds: Record<string, { uri?: string }> }[] };
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0]?.results).toHaveLength(merged.findings.length);
    expect(log.runs[0]?.originalUriBaseIds.REPO1?.uri).toMatch(/^https:\/\/github\.com\/acme\/billing-api\/blob\/[0-9a-f]{40}\/$/);
    for (const text of [json.stdout, markdown.stdout, await readFile(sarifOut, 'utf8'), json.stderr, markdown.stderr, sarif.stderr]) {
      for (const secret of [FAKE.stripe, FAKE.stripeOther, FAKE.awsKeyId]) expect(text).not.toContain(secret);
    }
  });

  it('exits 0 with an empty merge of clean reports', async () => {
    const dir = await makeTempDir();
    const paths = await writeReports(dir, [report('a/one', []), report('a/two', [])]);
    const run = await runCli(['report', 'merge', ...paths], { cwd: dir });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as MergedJson).findings).toEqual([]);
  });

  const badInputs: [string, unknown, RegExp][] = [
    ['not JSON', '{"findings": [', /1\.json is not JSON/],
    ['not a report', { hello: 'world' }, /is not a secretscan JSON report/],
    ['another schema version', { ...report('a/b', []), schemaVersion: 2 }, /has schemaVersion 2; this secretscan merges reports of schemaVersion 1/],
    ['an old report without a version', { tool: { name: 'secretscan', version: '0.0.9' }, findings: [] }, /has no schemaVersion/],
    ['no repository', report(undefined, []), /does not name its repository/],
    ['a merged report', { ...report('a/b', []), kind: 'merge' }, /is a merged report/],
    ['a bad severity', report('a/b', [{ ...reportFinding({ secret: 's' }), severity: 'critical' }]), /findings\[0\]\.severity is not one of high, medium, low/],
    ['a bad secret id', report('a/b', [{ ...reportFinding({ secret: 's' }), secretId: '<script>' }]), /findings\[0\]\.secretId is not a secret id/],
    ['a bad line', report('a/b', [{ ...reportFinding({ secret: 's' }), startLine: -1 }]), /findings\[0\]\.startLine is not a positive whole number/],
    ['a control character in the name', report('a/\u001b[31mb', []), /repository\.name holds control characters/],
  ];
  it.each(badInputs)('refuses %s with a clear message and exit 2', async (_, value, message) => {
    const dir = await makeTempDir();
    const paths = await writeReports(dir, [report('ok/first', []), value]);
    const run = await runCli(['report', 'merge', ...paths], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.stderr).not.toContain('\u001b');
  });

  it('refuses two reports of the same repository and commit, naming both', async () => {
    const dir = await makeTempDir();
    const paths = await writeReports(dir, [report('a/b', []), report('a/c', []), report('a/b', [])]);
    const run = await runCli(['report', 'merge', ...paths], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/2\.json and .*0\.json are both reports of a\/b at [0-9a-f]{40}/);
  });

  it('refuses a report over --max-report-size, a missing file, a directory and no files at all', async () => {
    const dir = await makeTempDir();
    const [path] = await writeReports(dir, [report('a/b', [reportFinding({ secret: 's' })])]);
    expect((await runCli(['report', 'merge', '--max-report-size', '100', path as string], { cwd: dir })).stderr).toMatch(/is larger than 100 bytes/);
    expect((await runCli(['report', 'merge', 'missing.json'], { cwd: dir })).stderr).toMatch(/missing\.json does not exist/);
    expect((await runCli(['report', 'merge', '.'], { cwd: dir })).code).toBe(2);
    const none = await runCli(['report', 'merge'], { cwd: dir });
    expect([none.code, none.stderr]).toEqual([2, expect.stringMatching(/name the JSON reports to merge/)]);
  });

  it('escapes hostile strings from reports in Markdown, and exits 2 when an input scan was partial', async () => {
    const dir = await makeTempDir();
    const hostile = 'evil|<img src=x onerror=alert(1)>`';
    const paths = await writeReports(dir, [report(hostile, [reportFinding({ secret: 's', path: '<b>x</b>.ts' })], { isPartial: true })]);
    const run = await runCli(['report', 'merge', '--format', 'markdown', ...paths], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/partial scans/);
    // Inside a code span GitHub renders HTML as text; outside every code span there is none.
    expect(run.stdout).toContain('<img');
    expect(run.stdout.replace(/(`+)[\s\S]*?\1/g, '')).not.toMatch(/<(img|b)\b/i);
    expect(run.stdout).toContain('Partial scans');
  });

  it('does not write through a symlink at --output', async () => {
    const dir = await makeTempDir();
    const paths = await writeReports(dir, [report('a/b', [])]);
    await writeFile(join(dir, 'target.txt'), 'keep');
    await symlink(join(dir, 'target.txt'), join(dir, 'out.json'));
    const run = await runCli(['report', 'merge', '-o', 'out.json', ...paths], { cwd: dir });
    expect(run.code).toBe(2);
    expect(await readFile(join(dir, 'target.txt'), 'utf8')).toBe('keep');
    expect(hex('x', 4)).toHaveLength(4);
  });
});
