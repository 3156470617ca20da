import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepo, git } from '../helpers/git-repo.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';

const BASELINE = '.secretscan-baseline.json';

interface JsonReport {
  findings: { path: string; ruleId: string; fingerprint: string; startLine: number }[];
  suppressed: Record<string, number>;
}

async function scanJson(cwd: string, args: string[] = []) {
  const run = await runCli(['scan', '--format', 'json', ...args], { cwd });
  return { ...run, report: JSON.parse(run.stdout === '' ? '{}' : run.stdout) as JsonReport };
}

/** A repository with two committed Stripe keys in two files. */
function repoWithSecrets(): Promise<string> {
  return createRepo({
    commits: [{ files: { 'src/config.ts': `// config\nexport const key = "${FAKE.stripe}";\n`, 'deploy/app.conf': `STRIPE=${FAKE.stripeOther}\n` } }],
  });
}

describe('secretscan baseline', () => {
  it('records the findings sorted by fingerprint, without lines or secrets, and exits 0', async () => {
    const repo = await repoWithSecrets();
    const { report } = await scanJson(repo);
    const run = await runCli(['baseline'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`secretscan: baseline written to ${BASELINE}: 2 entries\n`);
    const text = await readFile(join(repo, BASELINE), 'utf8');
    const entries = report.findings.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, path: f.path })).sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1));
    expect(text).toBe(`${JSON.stringify({ version: 1, entries }, null, 2)}\n`);
    expect(text).not.toMatch(/line|sk_l/i);
  });

  it('rewrites a byte-identical file on an unchanged repository, and after lines move', async () => {
    const repo = await repoWithSecrets();
    await runCli(['baseline'], { cwd: repo });
    const first = await readFile(join(repo, BASELINE));
    const again = await runCli(['baseline'], { cwd: repo });
    expect(again.stderr).toContain('2 entries (unchanged)');
    expect((await readFile(join(repo, BASELINE))).equals(first)).toBe(true);
    await writeFile(join(repo, 'src/config.ts'), `// config\n\n\nimport x from "y";\n\nexport const key = "${FAKE.stripe}";\n`);
    await writeFile(join(repo, 'deploy/app.conf'), `A=1\nB=2\nSTRIPE=${FAKE.stripeOther}\n`);
    await runCli(['baseline'], { cwd: repo });
    expect((await readFile(join(repo, BASELINE))).equals(first)).toBe(true);
  });

  it('writes to --output, relative to the working directory, and reports what changed', async () => {
    const repo = await repoWithSecrets();
    await runCli(['baseline', '--output', 'b.json'], { cwd: join(repo, 'src') });
    await writeFile(join(repo, 'new.txt'), `${FAKE.stripeThird}\n`);
    const run = await runCli(['baseline', '-o', 'b.json', '--include-uncommitted'], { cwd: join(repo, 'src') });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('secretscan: baseline written to b.json: 3 entries (1 added, 0 removed)\n');
    expect(JSON.parse(await readFile(join(repo, 'src/b.json'), 'utf8')).entries).toHaveLength(3);
  });

  it('does not record what .secretscanignore already suppresses', async () => {
    const repo = await repoWithSecrets();
    const { report } = await scanJson(repo);
    await writeFile(join(repo, '.secretscanignore'), `${report.findings[0]?.fingerprint ?? ''}\n`);
    await runCli(['baseline'], { cwd: repo });
    expect(JSON.parse(await readFile(join(repo, BASELINE), 'utf8')).entries).toHaveLength(1);
  });
});

describe('scan with a baseline', () => {
  it('survives lines moving above a recorded secret, and reports only a new one (exit 1)', async () => {
    const repo = await repoWithSecrets();
    await runCli(['baseline'], { cwd: repo });
    await writeFile(join(repo, 'src/config.ts'), `// config\n// more\n// and more\n\nexport const key = "${FAKE.stripe}";\n`);
    git(repo, ['commit', '-qam', 'move the key down']);
    const clean = await scanJson(repo);
    expect(clean.code).toBe(0);
    expect(clean.report.findings).toEqual([]);
    expect(clean.report.suppressed).toEqual({ inline: 0, allowlist: 0, paths: 0, baseline: 2 });

    await writeFile(join(repo, 'src/config.ts'), `// config\nconst other = "${FAKE.stripeThird}";\n\nexport const key = "${FAKE.stripe}";\n`);
    const dirty = await scanJson(repo);
    expect(dirty.code).toBe(1);
    expect(dirty.report.findings.map((f) => [f.path, f.startLine])).toEqual([['src/config.ts', 2]]);
    const text = await runCli(['scan'], { cwd: repo });
    expect(text.stdout).toContain('ran; suppressed: 2 in the baseline.');
  });

  it('says in --debug that it uses the default baseline; --no-baseline and another --baseline file', async () => {
    const repo = await repoWithSecrets();
    await runCli(['baseline'], { cwd: repo });
    const debug = await runCli(['scan', '--debug'], { cwd: repo });
    expect(debug.code).toBe(0);
    expect(debug.stderr).toContain(`baseline: ${BASELINE}, 2 entries (found at the repository root; --no-baseline turns it off)`);
    const off = await scanJson(repo, ['--no-baseline']);
    expect(off.code).toBe(1);
    expect(off.report.findings).toHaveLength(2);
    expect(off.report.suppressed).toEqual({ inline: 0, allowlist: 0, paths: 0 });
    await writeFile(join(repo, 'empty.json'), '{ "version": 1, "entries": [] }\n');
    const other = await scanJson(repo, ['--baseline', 'empty.json']);
    expect(other.report.findings).toHaveLength(2);
    expect(other.report.suppressed.baseline).toBe(0);
  });

  it('suppresses history findings with a baseline made by --history', async () => {
    const repo = await createRepo({
      commits: [{ files: { 'old.conf': `KEY=${FAKE.stripe}\n` } }, { files: { 'old.conf': null, 'new.conf': `KEY=${FAKE.stripe}\nOTHER=${FAKE.stripeOther}\n` } }],
    });
    expect((await runCli(['baseline', '--history'], { cwd: repo })).code).toBe(0);
    const history = await scanJson(repo, ['--history']);
    expect(history.code).toBe(0);
    expect(history.report.suppressed.baseline).toBe(2);
    git(repo, ['commit', '-q', '--allow-empty', '-m', 'later']);
    await writeFile(join(repo, 'late.conf'), `KEY=${FAKE.stripeThird}\n`);
    git(repo, ['add', 'late.conf']);
    git(repo, ['commit', '-qm', 'add a key']);
    expect((await scanJson(repo, ['--history'])).report.findings.map((f) => f.path)).toEqual(['late.conf']);
  });

  it('exits 2 on a malformed baseline, naming the file and the problem, or a missing --baseline file', async () => {
    const repo = await repoWithSecrets();
    await writeFile(join(repo, BASELINE), '{ "version": 1, "entries": [ { "fingerprint": "nope", "ruleId": "r", "path": "p" } ] }\n');
    const bad = await runCli(['scan'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain(`${BASELINE}: entries[0].fingerprint: must be v1: or v2: followed by 32 lower-case hex characters`);
    expect((await runCli(['scan', '--no-baseline'], { cwd: repo })).code).toBe(1);
    const missing = await runCli(['scan', '--baseline', 'nothing.json'], { cwd: repo });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('baseline file nothing.json does not exist');
    const both = await runCli(['scan', '--baseline', BASELINE, '--no-baseline'], { cwd: repo });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('choose one of --baseline, --no-baseline');
  });
});

describe('.secretscanignore', () => {
  it('suppresses listed fingerprints, with comments and blank lines, counted as ignored', async () => {
    const repo = await repoWithSecrets();
    const { report } = await scanJson(repo);
    const [first] = report.findings;
    const ignore = `# reviewed test keys\n\n${first?.fingerprint ?? ''}   # fixture key, rotated 2024-01\n`;
    await writeFile(join(repo, '.secretscanignore'), ignore);
    const run = await scanJson(repo);
    expect(run.code).toBe(1);
    expect(run.report.findings.map((f) => f.fingerprint)).toEqual(report.findings.slice(1).map((f) => f.fingerprint));
    expect(run.report.suppressed).toEqual({ inline: 0, allowlist: 0, paths: 0, ignored: 1 });
    expect((await runCli(['scan', '--format', 'markdown'], { cwd: repo })).stdout).toContain('1 in .secretscanignore');
  });

  it('exits 2 naming file:line of a line that is not a fingerprint, without quoting it', async () => {
    const repo = await repoWithSecrets();
    await writeFile(join(repo, '.secretscanignore'), `# ok\n${FAKE.stripe}\n`);
    const run = await runCli(['scan'], { cwd: join(repo, 'src') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('../.secretscanignore:2: not a fingerprint');
    expect(run.stderr).not.toContain(FAKE.stripe);
    expect((await runCli(['baseline'], { cwd: repo })).code).toBe(2);
  });
});

describe('scan --report-unused', () => {
  it('lists baseline entries and ignore lines that matched nothing, without changing the exit code', async () => {
    const repo = await repoWithSecrets();
    const { report } = await scanJson(repo);
    await runCli(['baseline'], { cwd: repo });
    const stale = report.findings.find((f) => f.path === 'deploy/app.conf');
    await writeFile(join(repo, 'deploy/app.conf'), 'STRIPE=\n');
    await writeFile(join(repo, '.secretscanignore'), `# old\n${stale?.fingerprint ?? ''}\n`);
    const run = await runCli(['scan', '--report-unused'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`secretscan: unused baseline entry: ${stale?.fingerprint ?? ''} (stripe.secret-key in deploy/app.conf)\n` + `secretscan: unused ignore entry: .secretscanignore:2: ${stale?.fingerprint ?? ''}\n`);
    await writeFile(join(repo, 'new.txt'), `${FAKE.stripeThird}\n`);
    expect((await runCli(['scan', '--report-unused'], { cwd: repo })).code).toBe(1);
    await writeFile(join(repo, 'deploy/app.conf'), `STRIPE=${FAKE.stripeOther}\n`);
    expect((await runCli(['scan', '--report-unused', '--output', 'r.json'], { cwd: repo })).stderr).toContain('no unused baseline or ignore entries');
  });
});

describe('no raw secret leaves the baseline workflow', () => {
  it('keeps planted secrets out of the baseline file and every output, in every format', async () => {
    const secrets = [FAKE.stripe, FAKE.stripeOther, FAKE.stripeThird, FAKE.awsKeyId];
    const repo = await createRepo({
      commits: [{ files: { 'a.conf': `S=${FAKE.stripe}\nAWS=${FAKE.awsKeyId}\n`, 'b.ts': `k = "${FAKE.stripeOther}"\n` } }],
    });
    const runs = [await runCli(['baseline', '--debug'], { cwd: repo }), await runCli(['baseline', '--history', '-o', 'h.json', '--debug'], { cwd: repo })];
    await writeFile(join(repo, 'c.py'), `x = "${FAKE.stripeThird}"\n`);
    await writeFile(join(repo, '.secretscanignore'), `v1:${'0'.repeat(32)}\n`);
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      runs.push(await runCli(['scan', '--format', format, '--debug', '--report-unused'], { cwd: repo }));
      runs.push(await runCli(['scan', '--history', '--baseline', 'h.json', '--format', format, '--debug', '--report-unused'], { cwd: repo }));
    }
    const files = [await readFile(join(repo, BASELINE), 'utf8'), await readFile(join(repo, 'h.json'), 'utf8')];
    expect(runs.map((run) => run.code)).toEqual([0, 0, 1, 0, 1, 0, 1, 0, 1, 0]);
    for (const text of [...files, ...runs.flatMap((run) => [run.stdout, run.stderr])]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });
});
