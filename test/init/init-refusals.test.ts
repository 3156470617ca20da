import { lstat, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const PACKAGE_JSON = '{\n  "name": "demo"\n}\n';

/** Every path under `dir` (links not followed) with its bytes or link target, .git included. */
async function snapshotTree(dir: string): Promise<string> {
  const entries = (await readdir(dir, { recursive: true })).sort();
  const lines: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry);
    const stats = await lstat(path);
    if (stats.isFile()) lines.push(`${entry}\n${await readFile(path, 'utf8')}`);
    else lines.push(`${entry} ${stats.isSymbolicLink() ? 'link' : 'dir'}`);
  }
  return lines.join('\n');
}

/** Runs init and asserts the refusal: exit 2, the message, and no byte changed in the repo or `outside`. */
async function expectRefusal(repo: string, outside: string, message: string, env: Record<string, string> = {}, cwd = repo) {
  const before = [await snapshotTree(repo), await snapshotTree(outside)];
  const run = await runCli(['init', '--github'], { cwd, env });
  expect(run.stderr).toContain(message);
  expect(run.stderr).toContain('nothing was written');
  expect(run.code).toBe(2);
  expect([await snapshotTree(repo), await snapshotTree(outside)]).toEqual(before);
  return run;
}

describe('secretscan init refuses, writing nothing', () => {
  it('a committed .husky/pre-commit that is a link to a file outside the repository', async () => {
    const outside = await makeTempDir();
    await writeFile(join(outside, 'bashrc'), 'export PS1=x\n');
    const repo = await createRepo({ commits: [{ files: { 'package.json': PACKAGE_JSON } }] });
    await mkdir(join(repo, '.husky'));
    await symlink(join(outside, 'bashrc'), join(repo, '.husky', 'pre-commit'));
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-qm', 'link']);
    await expectRefusal(repo, outside, '.husky/pre-commit is a symbolic link');
  });

  it('a committed .husky folder that is a link', async () => {
    const outside = await makeTempDir();
    const repo = await createRepo({ commits: [{ files: { 'package.json': PACKAGE_JSON } }] });
    await symlink(outside, join(repo, '.husky'));
    await expectRefusal(repo, outside, '.husky (on the way to .husky/pre-commit) is a symbolic link');
  });

  it('a .github folder that is a link (the workflow would land outside)', async () => {
    const outside = await makeTempDir();
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'x\n' } }] });
    await symlink(outside, join(repo, '.github'));
    await expectRefusal(repo, outside, '.github (on the way to .github/workflows/secretscan.yml) is a symbolic link');
  });

  it('a package.json that is a link', async () => {
    const outside = await makeTempDir();
    await writeFile(join(outside, 'package.json'), PACKAGE_JSON);
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'x\n' } }] });
    await symlink(join(outside, 'package.json'), join(repo, 'package.json'));
    await expectRefusal(repo, outside, 'package.json is a symbolic link');
  });

  it('a .git/hooks/pre-commit that is a link, and a .git/hooks folder that is one', async () => {
    const outside = await makeTempDir();
    await writeFile(join(outside, 'hook'), '#!/bin/sh\n');
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'x\n' } }] });
    await symlink(join(outside, 'hook'), join(repo, '.git', 'hooks', 'pre-commit'));
    await expectRefusal(repo, outside, '.git/hooks/pre-commit is a symbolic link');

    const second = await createRepo({ commits: [{ files: { 'README.md': 'x\n' } }] });
    const { rm } = await import('node:fs/promises');
    await rm(join(second, '.git', 'hooks'), { recursive: true });
    await symlink(outside, join(second, '.git', 'hooks'));
    await expectRefusal(second, outside, '.git/hooks (on the way to .git/hooks/pre-commit) is a symbolic link');
  });

  it('a hooks path set in the global git config (no package.json)', async () => {
    const home = await makeTempDir();
    const globalConfig = join(home, 'gitconfig');
    await writeFile(globalConfig, `[core]\n\thooksPath = ${join(home, 'hooks')}\n`);
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'x\n' } }] });
    const run = await expectRefusal(repo, home, `core.hooksPath is set to ${join(home, 'hooks')} in your global git config`, { GIT_CONFIG_GLOBAL: globalConfig, GIT_CONFIG_NOSYSTEM: '1' });
    expect(run.stderr).toContain(globalConfig);
    expect(run.stderr).toContain('git config core.hooksPath .githooks');
  });

  it("a local hooks path that is not husky's, in a repository husky would take over", async () => {
    const outside = await makeTempDir();
    const repo = await createRepo({ commits: [{ files: { 'package.json': PACKAGE_JSON, '.githooks/pre-commit': '#!/bin/sh\n' } }] });
    git(repo, ['config', 'core.hooksPath', '.githooks']);
    await expectRefusal(repo, outside, 'core.hooksPath is set to .githooks for this repository', { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' });
  });

  it('a package in a folder whose name a script cannot carry', async () => {
    const outside = await makeTempDir();
    const repo = await createRepo({ commits: [{ files: { 'my app/package.json': PACKAGE_JSON } }] });
    await expectRefusal(repo, outside, 'the folder "my app" holds the package.json', {}, join(repo, 'my app'));
  });
});

describe('secretscan init with a hooks path', () => {
  it('a global hooks path with husky: husky takes over for this repository, and the output says so', async () => {
    const home = await makeTempDir();
    const globalConfig = join(home, 'gitconfig');
    await writeFile(globalConfig, '[core]\n\thooksPath = ~/global-hooks\n');
    const repo = await createRepo({ commits: [{ files: { 'package.json': PACKAGE_JSON } }] });
    const run = await runCli(['init'], { cwd: repo, env: { GIT_CONFIG_GLOBAL: globalConfig, GIT_CONFIG_NOSYSTEM: '1', HOME: home } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`next: core.hooksPath is set to ${join(home, 'global-hooks')} in your global git config`);
    expect(run.stdout).toContain('created .husky/pre-commit');
  });
});
