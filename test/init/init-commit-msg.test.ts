import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commitMsgBlock } from '../../src/init/index.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, fixtureGitEnv, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { scannerOnPath, stageFiles } from './commit-through-hook.js';

const HUSKY_BIN = fileURLToPath(new URL('../../node_modules/husky/bin.js', import.meta.url));

/** `git commit -m message` (or with -F file) through the installed hooks, the scanner on PATH. */
async function commitWithMessage(repo: string, message: string) {
  const path = [await scannerOnPath(), process.env.PATH ?? ''].join(delimiter);
  return spawnSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message], { cwd: repo, env: { ...fixtureGitEnv(), PATH: path, NO_COLOR: '1' }, encoding: 'utf8' });
}

function commitCount(repo: string): string {
  return git(repo, ['rev-list', '--count', 'HEAD']).trim();
}

describe('secretscan init installs a commit-msg hook', () => {
  it('plain git hook: a secret in the -m message is blocked, a clean message passes', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'x\n' } }] });
    const run = await runCli(['init'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('created .git/hooks/commit-msg: runs `secretscan scan --commit-msg` on each commit message');
    await stageFiles(repo, { 'notes.md': 'hello\n' });
    const blocked = await commitWithMessage(repo, `rotate key ${FAKE.stripe}`);
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr).toContain('secretscan blocked this commit: its message holds a secret');
    expect(blocked.stdout + blocked.stderr).not.toContain(FAKE.stripe);
    expect(commitCount(repo)).toBe('1');
    const clean = await commitWithMessage(repo, 'add notes');
    expect(clean.status, clean.stderr).toBe(0);
    expect(commitCount(repo)).toBe('2');
    const again = await runCli(['init'], { cwd: repo });
    expect(again.stdout).toContain('unchanged .git/hooks/commit-msg: already runs secretscan');
  });

  it('an existing commit-msg hook moves to commit-msg.local and runs after the check, with the message file', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'x\n' } }] });
    const old = join(repo, '.git', 'hooks', 'commit-msg');
    await writeFile(old, '#!/bin/sh\necho "old commit-msg saw: $(head -n1 "$1")" >&2\n');
    await chmod(old, 0o755);
    const run = await runCli(['init'], { cwd: repo });
    expect(run.stdout).toContain('renamed .git/hooks/commit-msg to commit-msg.local');
    await stageFiles(repo, { 'notes.md': 'hello\n' });
    const blocked = await commitWithMessage(repo, `key ${FAKE.stripe}`);
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr).not.toContain('old commit-msg saw');
    const clean = await commitWithMessage(repo, 'add notes');
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stderr).toContain('old commit-msg saw: add notes');
  });

  it("husky: .husky/commit-msg through husky 9's runner blocks a secret in the message", async () => {
    const repo = await createRepo({ commits: [{ files: { 'package.json': '{\n  "name": "demo",\n  "devDependencies": {\n    "secretscan": "file:../s.tgz"\n  }\n}\n' } }] });
    const run = await runCli(['init'], { cwd: repo });
    expect(run.stdout).toContain('created .husky/commit-msg');
    expect(await readFile(join(repo, '.husky', 'commit-msg'), 'utf8')).toBe(commitMsgBlock());
    execFileSync(process.execPath, [HUSKY_BIN], { cwd: repo, env: fixtureGitEnv() });
    await stageFiles(repo, { 'notes.md': 'hello\n' });
    const blocked = await commitWithMessage(repo, `deploy with ${FAKE.stripe}`);
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr).toContain('secretscan blocked this commit: its message holds a secret');
    const clean = await commitWithMessage(repo, 'deploy');
    expect(clean.status, clean.stderr).toBe(0);
  });
});
