import { openSync, closeSync } from 'node:fs';
import { chmod, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { spawnCli, STACK_FRAME } from './spawn-cli.js';

/** A repository whose last commit adds `.npmrc` as a symlink to /dev/zero (a hostile clone). */
async function repoWithDevZeroLink(): Promise<string> {
  const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
  await symlink('/dev/zero', join(repo, '.npmrc'));
  git(repo, ['add', '.npmrc']);
  git(repo, ['commit', '-q', '-m', 'link']);
  return repo;
}

describe('reads: regular files only, within the limit', () => {
  it('`scan` and `gitignore` finish on a committed .npmrc -> /dev/zero', { timeout: 60_000 }, async () => {
    const repo = await repoWithDevZeroLink();
    for (const args of [['scan', '--format', 'json'], ['gitignore']]) {
      const run = await spawnCli(args, { cwd: repo, budgetMs: 30_000 });
      expect(run.isKilled).toBe(false);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.code === 0 || run.code === 1).toBe(true);
    }
  });

  it('`--stdin` past --max-file-size stops reading and exits 2 with a message (stdin from /dev/zero)', { timeout: 60_000 }, async () => {
    const dir = await makeTempDir();
    const zero = openSync('/dev/zero', 'r');
    try {
      const run = await spawnCli(['scan', '--stdin', '--max-file-size', '1MB'], { cwd: dir, budgetMs: 30_000, extra: { stdio: [zero, 'pipe', 'pipe'] } });
      expect(run.isKilled).toBe(false);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('standard input is larger than --max-file-size');
      expect(run.stderr).not.toMatch(STACK_FRAME);
    } finally {
      closeSync(zero);
    }
  });

  it('`--max-file-size` beyond what one string can hold is refused up front', async () => {
    const run = await runCli(['scan', '--stdin', '--max-file-size', '1GB'], { cwd: await makeTempDir(), stdin: 'x' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max-file-size 1GB is more than the 511 MiB');
  });

  it('a config file the repository links to elsewhere is refused, not followed', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    const outside = await makeTempDir();
    await writeFile(join(outside, 'private.yaml'), 'allowlist:\n  paths: ["**"]\n');
    await symlink(join(outside, 'private.yaml'), join(repo, '.secretscan.yaml'));
    const run = await runCli(['scan'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('it is a symbolic link (not followed)');
  });
});

describe('writes: never through a symlink, keeping the mode', () => {
  it('`--output` keeps an existing 0600 report at 0600', async () => {
    const repo = await createRepo({ commits: [{ files: { 'app.env': `K=${FAKE.stripe}\n` } }] });
    const out = join(await makeTempDir(), 'report.sarif');
    await writeFile(out, 'old');
    await chmod(out, 0o600);
    const run = await runCli(['scan', '--format', 'sarif', '--output', out], { cwd: repo });
    expect(run.code).toBe(1);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect(await readFile(out, 'utf8')).toContain('"version": "2.1.0"');
  });

  it('`--output` through a symlink is refused (exit 2) and the target is untouched', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    const outside = await makeTempDir();
    await writeFile(join(outside, 'bashrc'), 'precious\n');
    await symlink(join(outside, 'bashrc'), join(repo, 'results.sarif'));
    const run = await runCli(['scan', '--format', 'sarif', '--output', 'results.sarif'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('it is a symbolic link');
    expect(await readFile(join(outside, 'bashrc'), 'utf8')).toBe('precious\n');
  });

  it('`gitignore --fix` refuses a .gitignore that links elsewhere', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }], untracked: { '.env': `K=${FAKE.stripe}\n` } });
    const outside = await makeTempDir();
    await writeFile(join(outside, 'target'), 'precious\n');
    await symlink(join(outside, 'target'), join(repo, '.gitignore'));
    const run = await runCli(['gitignore', '--fix'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('symbolic link');
    expect(await readFile(join(outside, 'target'), 'utf8')).toBe('precious\n');
  });

  it('`baseline` refuses a baseline file that links elsewhere', async () => {
    const repo = await createRepo({ commits: [{ files: { 'app.env': `K=${FAKE.stripe}\n` } }] });
    const outside = await makeTempDir();
    await writeFile(join(outside, 'target'), 'precious\n');
    await symlink(join(outside, 'target'), join(repo, '.secretscan-baseline.json'));
    const run = await runCli(['baseline'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(await readFile(join(outside, 'target'), 'utf8')).toBe('precious\n');
    expect(await readlink(join(repo, '.secretscan-baseline.json'))).toBe(join(outside, 'target'));
  });

  it('`init` refuses to write a hook through a symlinked directory', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    const outside = await makeTempDir();
    await symlink(outside, join(repo, '.husky'));
    await writeFile(join(repo, 'package.json'), '{"name":"x","devDependencies":{"husky":"^9"}}\n');
    const run = await runCli(['init'], { cwd: repo });
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('symbolic link');
  });
});
