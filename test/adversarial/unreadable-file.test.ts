import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { spawnCli, STACK_FRAME } from './spawn-cli.js';

interface Report {
  findings: { path: string }[];
  problems: { path: string; message: string }[];
  isPartial: boolean;
}

// root reads a chmod-000 file anyway, so the in-process case only means something for another
// user and is skipped under root. Under root the second case runs the bundled CLI as `nobody`
// (uid/gid 65534) over a plain directory (a repository owned by root would be refused by git's
// ownership check before any file is read), so the unreadable-file path is exercised either way.
const isRoot = process.getuid?.() === 0;

function expectPartial(run: { code: number | null; stdout: string; stderr: string }): void {
  expect(run.code).toBe(2);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stderr).toContain('partial');
  const report = JSON.parse(run.stdout) as Report;
  expect(report.isPartial).toBe(true);
  expect(report.problems).toEqual([expect.objectContaining({ path: 'locked.env', message: expect.stringContaining('EACCES') as unknown })]);
  // The readable file is still scanned and reported.
  expect(report.findings.map((f) => f.path)).toEqual(['open.env']);
  expect(run.stdout).not.toContain(FAKE.stripeOther);
}

describe('an unreadable file in the working tree', () => {
  it.skipIf(isRoot)('partial scan: the rest is reported, the file is a problem, exit 2', async () => {
    const repo = await createRepo({ commits: [{ files: { 'open.env': `K=${FAKE.stripe}\n`, 'locked.env': `K=${FAKE.stripeOther}\n` } }] });
    await chmod(join(repo, 'locked.env'), 0o000);
    try {
      expectPartial(await runCli(['scan', '--format', 'json'], { cwd: repo }));
    } finally {
      await chmod(join(repo, 'locked.env'), 0o644);
    }
  });

  it.runIf(isRoot)('as another user (run as nobody under root): partial scan, exit 2', { timeout: 20_000 }, async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'open.env'), `K=${FAKE.stripe}\n`);
    await writeFile(join(dir, 'locked.env'), `K=${FAKE.stripeOther}\n`);
    await chmod(join(dir, 'locked.env'), 0o000);
    await chmod(dir, 0o755);
    const run = await spawnCli(['scan', '--format', 'json'], { cwd: dir, budgetMs: 15_000, extra: { uid: 65534, gid: 65534 } });
    expect(run.isKilled).toBe(false);
    expectPartial(run);
  });
});
