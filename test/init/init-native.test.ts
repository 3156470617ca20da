import { access, chmod, constants, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { commitThroughHook, scannerOnPath, stageFiles } from './commit-through-hook.js';

const SECRET_FILE = { 'config.js': `export const key = "${FAKE.stripe}";\n` };
const CLEAN_FILE = { 'notes.md': 'nothing to see here\n' };

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

async function initRepo(repo: string, args: string[] = []) {
  const run = await runCli(['init', ...args], { cwd: repo });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run;
}

describe('secretscan init without a package.json (native git hook)', () => {
  it('writes an executable pre-commit hook and a starter config, and a second run changes nothing', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hello\n' } }] });
    const first = await initRepo(repo);
    const hook = join(repo, '.git', 'hooks', 'pre-commit');
    expect(await isExecutable(hook)).toBe(true);
    expect(first.stdout).toContain('created .git/hooks/pre-commit');
    expect(first.stdout).toContain('created .secretscan.yaml');
    expect(first.stdout).toContain('next: make sure `secretscan` is on PATH');
    const before = await readFile(hook, 'utf8');
    const second = await initRepo(repo);
    expect(second.stdout).toContain('unchanged .git/hooks/pre-commit: already runs secretscan');
    expect(second.stdout).toContain('already set up here: nothing to change');
    expect(await readFile(hook, 'utf8')).toBe(before);
  });

  it('honours core.hooksPath', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hello\n' } }] });
    git(repo, ['config', 'core.hooksPath', '.githooks']);
    const run = await initRepo(repo);
    expect(run.stdout).toContain('created .githooks/pre-commit');
    expect(await isExecutable(join(repo, '.githooks', 'pre-commit'))).toBe(true);
    await expect(stat(join(repo, '.git', 'hooks', 'pre-commit'))).rejects.toThrow();
    // A hooks folder in the work tree can be committed, so there is no "not cloned" note.
    expect(run.stdout).not.toContain('not cloned');
  });

  it('blocks a commit that adds a secret, names the escape hatches, and never prints the secret', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hello\n' } }] });
    await initRepo(repo);
    await stageFiles(repo, SECRET_FILE);
    const commit = commitThroughHook(repo, await scannerOnPath());
    expect(commit.status).not.toBe(0);
    expect(commit.stderr).toContain('secretscan blocked this commit');
    expect(commit.stderr).toContain('git commit --no-verify');
    expect(commit.stderr).toContain('secretscan:allow');
    expect(commit.stdout + commit.stderr).toContain('config.js');
    expect(commit.stdout + commit.stderr).not.toContain(FAKE.stripe);
    expect(git(repo, ['rev-list', '--count', 'HEAD']).trim()).toBe('1');
  });

  it('lets a clean commit through', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hello\n' } }] });
    await initRepo(repo);
    await stageFiles(repo, CLEAN_FILE);
    const commit = commitThroughHook(repo, await scannerOnPath());
    expect(commit.stderr).not.toContain('secretscan blocked');
    expect(commit.status).toBe(0);
    expect(git(repo, ['rev-list', '--count', 'HEAD']).trim()).toBe('2');
  });

  it('fails closed: an invalid .secretscan.yaml blocks the commit with the "could not check" message', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hello\n', '.secretscan.yaml': 'allowlist: [{ paths: [x] }]\n' } }] });
    await initRepo(repo);
    await stageFiles(repo, CLEAN_FILE);
    const commit = commitThroughHook(repo, await scannerOnPath());
    expect(commit.status).not.toBe(0);
    expect(commit.stderr).toContain('secretscan could not check this commit (exit 2)');
    expect(commit.stderr).toContain('--no-verify');
    expect(git(repo, ['rev-list', '--count', 'HEAD']).trim()).toBe('1');
  });

  it('fails closed when secretscan is not installed', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hello\n' } }] });
    await initRepo(repo);
    await stageFiles(repo, CLEAN_FILE);
    const commit = commitThroughHook(repo, undefined);
    expect(commit.status).not.toBe(0);
    expect(commit.stderr).toContain('secretscan: not installed, so this commit cannot be checked for secrets.');
    expect(commit.stderr).toContain('--no-verify');
  });

  describe('with an existing pre-commit hook', () => {
    const OLD_HOOK = '#!/bin/sh\necho "old hook ran" >&2\necho ran > old-hook-ran.txt\n';

    async function repoWithHook(hook: string) {
      const repo = await createRepo({ commits: [{ files: { 'README.md': 'hello\n' } }] });
      const path = join(repo, '.git', 'hooks', 'pre-commit');
      await writeFile(path, hook);
      await chmod(path, 0o755);
      return repo;
    }

    it('moves it to pre-commit.local and runs it after the check; a blocked commit never reaches it', async () => {
      const repo = await repoWithHook(OLD_HOOK);
      const run = await initRepo(repo);
      expect(run.stdout).toContain('renamed .git/hooks/pre-commit to pre-commit.local');
      expect(await readFile(join(repo, '.git', 'hooks', 'pre-commit.local'), 'utf8')).toBe(OLD_HOOK);
      await stageFiles(repo, SECRET_FILE);
      const commit = commitThroughHook(repo, await scannerOnPath());
      expect(commit.status).not.toBe(0);
      expect(commit.stderr).toContain('secretscan blocked this commit');
      expect(commit.stderr).not.toContain('old hook ran');
      expect(commit.stdout + commit.stderr).not.toContain(FAKE.stripe);
      await writeFile(join(repo, 'config.js'), 'export const key = process.env.KEY;\n');
      git(repo, ['add', 'config.js']);
      const clean = commitThroughHook(repo, await scannerOnPath());
      expect(clean.status).toBe(0);
      expect(clean.stderr).toContain('old hook ran');
      expect(await readFile(join(repo, 'old-hook-ran.txt'), 'utf8')).toBe('ran\n');
      // Idempotent: the moved hook stays where it is.
      const again = await initRepo(repo);
      expect(again.stdout).toContain('already set up');
    });

    it('stops the commit when the old hook fails after a clean scan', async () => {
      const repo = await repoWithHook('#!/bin/sh\necho "old hook says no" >&2\nexit 7\n');
      await initRepo(repo);
      await stageFiles(repo, CLEAN_FILE);
      const commit = commitThroughHook(repo, await scannerOnPath());
      expect(commit.status).not.toBe(0);
      expect(commit.stderr).toContain('old hook says no');
      expect(commit.stderr).not.toContain('blocked');
      expect(git(repo, ['rev-list', '--count', 'HEAD']).trim()).toBe('1');
    });

    it('an old hook that ends with exit 0 cannot skip the check', async () => {
      const repo = await repoWithHook('#!/bin/sh\necho "old hook ran" >&2\nexit 0\n');
      await initRepo(repo);
      await stageFiles(repo, SECRET_FILE);
      const commit = commitThroughHook(repo, await scannerOnPath());
      expect(commit.status).not.toBe(0);
      expect(commit.stderr).toContain('secretscan blocked this commit');
    });

    it('refuses (exit 2) when pre-commit.local is taken too, and changes nothing', async () => {
      const repo = await repoWithHook(OLD_HOOK);
      await writeFile(join(repo, '.git', 'hooks', 'pre-commit.local'), '#!/bin/sh\n');
      const run = await runCli(['init'], { cwd: repo });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('pre-commit.local exists too');
      expect(run.stderr).toContain('hint:');
      expect(await readFile(join(repo, '.git', 'hooks', 'pre-commit'), 'utf8')).toBe(OLD_HOOK);
      await expect(stat(join(repo, '.secretscan.yaml'))).rejects.toThrow();
    });
  });
});
