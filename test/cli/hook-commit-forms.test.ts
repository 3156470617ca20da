import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { fixtureGitEnv, git } from '../helpers/git-repo.js';
import { committedText, createHookedRepo, gitWithHooks, headOf, type HookRunner, type HookedRun } from '../helpers/hooked-repo.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const CLEAN = 'import os\n\nTIMEOUT = 30\n';
const LEAKY = `import os\n\nTIMEOUT = 30\nSTRIPE_KEY = "${FAKE.stripe}"\n`;

/** A repository with one clean commit of `app/config.py` and `README.md`, hooks installed. */
function cleanRepo(runner: HookRunner): Promise<string> {
  return createHookedRepo(runner, { commits: [{ files: { 'app/config.py': CLEAN, 'README.md': '# demo\n' } }] });
}

async function write(repo: string, path: string, text: string): Promise<void> {
  await mkdir(join(repo, path, '..'), { recursive: true });
  await writeFile(join(repo, path), text);
}

/** The commit was refused by the scan: git failed, HEAD did not move, and the report names the rule. */
function expectBlocked(run: HookedRun, repo: string, head: string): void {
  expect(run.status, run.stdout + run.stderr).not.toBe(0);
  expect(run.stdout + run.stderr).toContain('stripe.secret-key');
  expect(run.stdout + run.stderr).not.toContain(FAKE.stripe);
  expect(headOf(repo)).toBe(head);
}

function expectCommitted(run: HookedRun, repo: string, head: string): void {
  expect(run.status, run.stdout + run.stderr).toBe(0);
  expect(headOf(repo)).not.toBe(head);
}

describe.each<HookRunner>(['plain', 'husky'])('a %s pre-commit hook blocks a secret whatever the commit form', (runner) => {
  it('git commit -a (a temporary index): blocked; the same form without a secret commits', async () => {
    const repo = await cleanRepo(runner);
    const head = headOf(repo);
    await write(repo, 'app/config.py', LEAKY);
    expectBlocked(gitWithHooks(repo, ['commit', '-a', '-m', 'tune config']), repo, head);
    await write(repo, 'app/config.py', `${CLEAN}RETRIES = 3\n`);
    expectCommitted(gitWithHooks(repo, ['commit', '-a', '-m', 'tune config']), repo, head);
  });

  it('git commit PATH, -i PATH and -o PATH, also from a subdirectory', async () => {
    const repo = await cleanRepo(runner);
    const head = headOf(repo);
    await write(repo, 'app/config.py', LEAKY);
    expectBlocked(gitWithHooks(repo, ['commit', '-m', 'config', 'app/config.py']), repo, head);
    expectBlocked(gitWithHooks(repo, ['commit', '-m', 'config', '-i', 'app/config.py']), repo, head);
    expectBlocked(gitWithHooks(repo, ['commit', '-m', 'config', '-o', 'app/config.py']), repo, head);
    expectBlocked(gitWithHooks(repo, ['commit', '-m', 'config', '-o', 'config.py'], { cwd: join(repo, 'app') }), repo, head);
    expect(committedText(repo, 'app/config.py')).toBe(CLEAN);
  });

  it('git commit --amend, with and without -a', async () => {
    const repo = await cleanRepo(runner);
    const head = headOf(repo);
    await write(repo, 'app/config.py', LEAKY);
    expectBlocked(gitWithHooks(repo, ['commit', '--amend', '-a', '--no-edit']), repo, head);
    git(repo, ['add', 'app/config.py']);
    expectBlocked(gitWithHooks(repo, ['commit', '--amend', '--no-edit']), repo, head);
  });

  it('a merge commit whose conflict resolution adds a secret', async () => {
    const repo = await cleanRepo(runner);
    git(repo, ['checkout', '-q', '-b', 'feature']);
    await write(repo, 'app/config.py', `${CLEAN}RETRIES = 5\n`);
    git(repo, ['commit', '-q', '--no-verify', '-am', 'feature retries']);
    git(repo, ['checkout', '-q', 'main']);
    await write(repo, 'app/config.py', `${CLEAN}RETRIES = 2\n`);
    git(repo, ['commit', '-q', '--no-verify', '-am', 'main retries']);
    const head = headOf(repo);
    expect(gitWithHooks(repo, ['merge', 'feature']).status).not.toBe(0);
    await write(repo, 'app/config.py', `${LEAKY}RETRIES = 5\n`);
    git(repo, ['add', 'app/config.py']);
    expectBlocked(gitWithHooks(repo, ['commit', '--no-edit']), repo, head);
  });

  it('partial staging with git add -p: a secret only in the work tree passes, only in the index is blocked', async () => {
    const body = Array.from({ length: 12 }, (_, i) => `LINE_${i} = ${i}`).join('\n');
    const repo = await createHookedRepo(runner, { commits: [{ files: { 'settings.py': `${body}\n` } }] });
    const head = headOf(repo);
    const edited = `KEY = "${FAKE.stripe}"\n${body}\nRETRIES = 3\n`;
    await write(repo, 'settings.py', edited);
    // Two hunks: the secret at the top (not staged), the retries line at the bottom (staged).
    const addPatch = spawnSync('git', ['add', '-p', 'settings.py'], { cwd: repo, env: fixtureGitEnv(), input: 'n\ny\n', encoding: 'utf8' });
    expect(addPatch.status, addPatch.stderr).toBe(0);
    expectCommitted(gitWithHooks(repo, ['commit', '-m', 'retries']), repo, head);
    expect(committedText(repo, 'settings.py')).not.toContain('KEY =');
    const second = headOf(repo);
    git(repo, ['add', 'settings.py']);
    await write(repo, 'settings.py', `${body}\nRETRIES = 3\n`);
    expectBlocked(gitWithHooks(repo, ['commit', '-m', 'key']), repo, second);
  });

  it('git add -N: an intent-to-add file is not committed by a plain commit, and is scanned by commit -a', async () => {
    const repo = await cleanRepo(runner);
    const head = headOf(repo);
    await write(repo, 'app/keys.py', LEAKY);
    git(repo, ['add', '-N', 'app/keys.py']);
    await write(repo, 'README.md', '# demo\n\nMore.\n');
    git(repo, ['add', 'README.md']);
    expectBlocked(gitWithHooks(repo, ['commit', '-a', '-m', 'keys']), repo, head);
    expectCommitted(gitWithHooks(repo, ['commit', '-m', 'readme']), repo, head);
    expect(committedText(repo, 'app/keys.py')).toBeUndefined();
  });
});

describe.each<HookRunner>(['plain', 'husky'])('a %s pre-commit hook is not fooled by attributes or a move', (runner) => {
  it('a .gitattributes line that makes git call the file binary (-diff)', async () => {
    const repo = await createHookedRepo(runner, { commits: [{ files: { '.gitattributes': '*.cfg -diff\n', 'app.cfg': 'port = 8080\n' } }] });
    const head = headOf(repo);
    await write(repo, 'app.cfg', `port = 8080\nkey = ${FAKE.stripe}\n`);
    expectBlocked(gitWithHooks(repo, ['commit', '-a', '-m', 'config']), repo, head);
  });

  it('git mv out of an allowlisted folder', async () => {
    const config = 'allowlist:\n  - reason: fixtures\n    paths: ["fixtures/**"]\n';
    const repo = await createHookedRepo(runner, { commits: [{ files: { '.secretscan.yaml': config, 'fixtures/creds.py': LEAKY } }] });
    const head = headOf(repo);
    git(repo, ['mv', 'fixtures/creds.py', 'creds.py']);
    expectBlocked(gitWithHooks(repo, ['commit', '-m', 'promote']), repo, head);
  });
});

describe('the pre-commit hook where git names the repository itself', () => {
  it('in a linked worktree, git commit -a', async () => {
    const repo = await cleanRepo('plain');
    const worktree = join(await makeTempDir('secretscan-worktree-'), 'wt');
    git(repo, ['worktree', 'add', '-q', '-b', 'side', worktree]);
    const head = headOf(worktree);
    await write(worktree, 'app/config.py', LEAKY);
    expectBlocked(gitWithHooks(worktree, ['commit', '-a', '-m', 'config']), worktree, head);
  });

  it('git --git-dir=… --work-tree=… commit -a, run from outside the work tree (relative GIT_DIR and GIT_WORK_TREE)', async () => {
    const repo = await cleanRepo('plain');
    const head = headOf(repo);
    await write(repo, 'app/config.py', LEAKY);
    const parent = join(repo, '..');
    const name = repo.slice(parent.length + 1);
    const run = gitWithHooks(repo, [`--git-dir=${name}/.git`, `--work-tree=${name}`, 'commit', '-a', '-m', 'config'], { cwd: parent });
    expectBlocked(run, repo, head);
  });
});
