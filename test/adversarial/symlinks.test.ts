import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

interface Report {
  findings: unknown[];
  skipped: { path: string; reason: string }[];
}

/** A symlink loop (loop-a -> loop-b -> loop-a) and a link to a directory outside holding a secret. */
async function plantLinks(root: string): Promise<void> {
  const outside = await makeTempDir();
  await mkdir(join(outside, 'deep'));
  await writeFile(join(outside, 'deep', 'k.env'), `K=${FAKE.stripe}\n`);
  await symlink('loop-b', join(root, 'loop-a'));
  await symlink('loop-a', join(root, 'loop-b'));
  await symlink(outside, join(root, 'outside'));
}

async function scanTree(cwd: string): Promise<Report & { code: number }> {
  const run = await runCli(['scan', '--format', 'json'], { cwd });
  expect(run.stderr).toBe('');
  return { code: run.code, ...(JSON.parse(run.stdout) as Report) };
}

describe('a symlink loop and a symlink to a directory outside the tree', () => {
  it('in a repository (untracked links): skipped as symlinks, not followed, exit 0', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    await plantLinks(repo);
    const report = await scanTree(repo);
    expect(report.code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.skipped.map((s) => `${s.path}:${s.reason}`)).toEqual(['loop-a:symlink', 'loop-b:symlink', 'outside:symlink']);
  });

  it('in a plain directory outside git: the walk finishes without following them, exit 0', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'README.md'), 'hi\n');
    await plantLinks(dir);
    const report = await scanTree(dir);
    expect(report.code).toBe(0);
    expect(report.findings).toEqual([]);
  });

  // Found by this test and fixed (src/sources/directory.ts): outside a repository the walk dropped
  // symlinks before reading them; they are now listed as skipped `symlink`, as inside a repository.
  it('in a plain directory outside git: lists them as skipped symlinks', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'README.md'), 'hi\n');
    await plantLinks(dir);
    const report = await scanTree(dir);
    expect(report.skipped.map((s) => `${s.path}:${s.reason}`)).toEqual(['loop-a:symlink', 'loop-b:symlink', 'outside:symlink']);
  });
});
