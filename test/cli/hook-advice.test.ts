import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { gitWithHooks, headOf } from '../helpers/hooked-repo.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FINGERPRINT_LINE = /^\s+(v1:[0-9a-f]+)\s+# stripe\.secret-key at app\/config\.py:2$/m;

async function writeHook(repo: string, name: string, body: string): Promise<void> {
  const file = join(repo, '.git', 'hooks', name);
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
}

/** A repository where secretscan is a devDependency: node_modules/secretscan and its .bin link, as npm lays them out. */
async function repoWithLocalInstall(): Promise<string> {
  const repo = await createRepo({ commits: [{ files: { 'package.json': '{ "name": "demo" }\n', '.gitignore': 'node_modules/\n', 'app/config.py': 'A = 1\n' } }] });
  await mkdir(join(repo, 'node_modules', '.bin'), { recursive: true });
  await symlink(PACKAGE_ROOT, join(repo, 'node_modules', 'secretscan'));
  await symlink('../secretscan/dist/cli/bin.mjs', join(repo, 'node_modules', '.bin', 'secretscan'));
  return repo;
}

describe('what a blocked commit prints', () => {
  it('a devDependency install: the fix, `npx secretscan` commands, and the fingerprint line that, copied into .secretscanignore, lets the commit through', async () => {
    const repo = await repoWithLocalInstall();
    await writeHook(repo, 'pre-commit', 'exec ./node_modules/.bin/secretscan scan --staged');
    await writeFile(join(repo, 'app', 'config.py'), `A = 1\nKEY = "${FAKE.stripe}"\n`);
    git(repo, ['add', 'app/config.py']);
    const head = headOf(repo);
    const blocked = gitWithHooks(repo, ['commit', '-m', 'config']);
    expect(blocked.status).not.toBe(0);
    const output = blocked.stdout + blocked.stderr;
    expect(output).not.toContain(FAKE.stripe);
    expect(output).toContain('To commit:');
    expect(output).toContain('Check again: npx secretscan scan --staged');
    expect(output).toContain('Copy its line into .secretscanignore');
    expect(output).toContain('Last resort: git commit --no-verify');
    const line = FINGERPRINT_LINE.exec(output);
    expect(line, output).not.toBeNull();
    expect(headOf(repo)).toBe(head);
    await writeFile(join(repo, '.secretscanignore'), `${(line?.[0] ?? '').trim()}\n`);
    const passed = gitWithHooks(repo, ['commit', '-m', 'config']);
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
  });

  it('a global install (secretscan on PATH): plain `secretscan` commands; a staged .env file gets the unstage and gitignore advice', async () => {
    const repo = await createRepo({ commits: [{ files: { 'app/config.py': 'A = 1\n' } }] });
    const bin = await makeTempDir('secretscan-global-');
    await symlink(join(PACKAGE_ROOT, 'dist', 'cli', 'bin.mjs'), join(bin, 'secretscan'));
    await writeHook(repo, 'pre-commit', `PATH="${bin}:$PATH" exec secretscan scan --staged`);
    await writeFile(join(repo, '.env'), `STRIPE_KEY=${FAKE.stripe}\n`);
    git(repo, ['add', '.env']);
    const blocked = gitWithHooks(repo, ['commit', '-m', 'env']);
    const output = blocked.stdout + blocked.stderr;
    expect(blocked.status).not.toBe(0);
    expect(output).toContain('Check again: secretscan scan --staged');
    expect(output).not.toContain('npx secretscan');
    expect(output).toContain('unstage it (`git restore --staged -- .env`) and ignore it (`secretscan gitignore --fix`)');
    expect(output).toMatch(/^\s+v1:[0-9a-f]+\s+# stripe\.secret-key at \.env:1$/m);
  });

  it('a blocked commit message: how to edit it and commit again, and its fingerprint', async () => {
    const repo = await repoWithLocalInstall();
    await writeHook(repo, 'commit-msg', 'exec ./node_modules/.bin/secretscan scan --commit-msg "$1"');
    const blocked = gitWithHooks(repo, ['commit', '--allow-empty', '-m', `use ${FAKE.stripe}`]);
    const output = blocked.stdout + blocked.stderr;
    expect(blocked.status).not.toBe(0);
    expect(output).toContain('Take the secret out of the commit message');
    expect(output).toContain('`git commit -e -F .git/COMMIT_EDITMSG` starts from it');
    expect(output).toMatch(/^\s+v1:[0-9a-f]+\s+# stripe\.secret-key at COMMIT_EDITMSG:1$/m);
  });
});
