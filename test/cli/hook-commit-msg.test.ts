import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { git } from '../helpers/git-repo.js';
import { createHookedRepo, gitWithHooks, headOf, type HookRunner, type HookedRun } from '../helpers/hooked-repo.js';
import { makeTempDir } from '../helpers/temp-dir.js';

function repoWithHooks(runner: HookRunner, files: Record<string, string> = {}): Promise<string> {
  return createHookedRepo(runner, { commits: [{ files: { 'README.md': '# demo\n', ...files } }] }, ['pre-commit', 'commit-msg']);
}

/** An editor (GIT_EDITOR) that writes `text` above whatever git put in the message file. */
async function editorWriting(text: string): Promise<string> {
  const dir = await makeTempDir('secretscan-editor-');
  const body = join(dir, 'message.txt');
  await writeFile(body, text);
  const script = join(dir, 'editor.sh');
  await writeFile(script, `#!/bin/sh\ncat "${body}" "$1" > "$1.new" && mv "$1.new" "$1"\n`);
  await chmod(script, 0o755);
  return script;
}

function expectBlocked(run: HookedRun, repo: string, head: string): void {
  const output = run.stdout + run.stderr;
  expect(run.status, output).not.toBe(0);
  expect(output).toContain('COMMIT_EDITMSG');
  expect(output).toContain('stripe.secret-key');
  expect(output).not.toContain(FAKE.stripe);
  expect(headOf(repo)).toBe(head);
}

function expectCommitted(run: HookedRun, repo: string, head: string): void {
  expect(run.status, run.stdout + run.stderr).toBe(0);
  expect(headOf(repo)).not.toBe(head);
}

describe.each<HookRunner>(['plain', 'husky'])('a %s commit-msg hook running secretscan scan --commit-msg "$1"', (runner) => {
  it('blocks a secret in a -m message, also on a line that looks like a comment (git keeps it with -m)', async () => {
    const repo = await repoWithHooks(runner);
    const head = headOf(repo);
    expectBlocked(gitWithHooks(repo, ['commit', '--allow-empty', '-m', `rotate key ${FAKE.stripe}`]), repo, head);
    expectBlocked(gitWithHooks(repo, ['commit', '--allow-empty', '-m', 'rotate key', '-m', `# ${FAKE.stripe}`]), repo, head);
    expectCommitted(gitWithHooks(repo, ['commit', '--allow-empty', '-m', 'rotate the key (see the vault)']), repo, head);
  });

  it('blocks a secret typed in the editor, and passes one only in a comment line git strips', async () => {
    const repo = await repoWithHooks(runner);
    const head = headOf(repo);
    expectBlocked(gitWithHooks(repo, ['commit', '--allow-empty'], { editor: await editorWriting(`use ${FAKE.stripe}\n`) }), repo, head);
    const commented = await editorWriting(`rotate the key\n# old one was ${FAKE.stripe}\n`);
    expectCommitted(gitWithHooks(repo, ['commit', '--allow-empty'], { editor: commented }), repo, head);
    expect(git(repo, ['log', '-1', '--format=%B'])).not.toContain(FAKE.stripe);
  });

  it('respects core.commentChar: a ; line is a comment, a # line is not', async () => {
    const repo = await repoWithHooks(runner);
    git(repo, ['config', 'core.commentChar', ';']);
    const head = headOf(repo);
    expectCommitted(gitWithHooks(repo, ['commit', '--allow-empty'], { editor: await editorWriting(`rotate\n; ${FAKE.stripe}\n`) }), repo, head);
    const second = headOf(repo);
    expectBlocked(gitWithHooks(repo, ['commit', '--allow-empty'], { editor: await editorWriting(`rotate\n# ${FAKE.stripe}\n`) }), repo, second);
  });

  it('git commit -v: the diff below the scissors line is not the message', async () => {
    const config = 'allowlist:\n  - reason: fixtures\n    paths: ["fixtures/**"]\n';
    const repo = await repoWithHooks(runner, { '.secretscan.yaml': config });
    const head = headOf(repo);
    await mkdir(join(repo, 'fixtures'));
    await writeFile(join(repo, 'fixtures', 'keys.py'), `TEST_KEY = "${FAKE.stripe}"\n`);
    git(repo, ['add', 'fixtures/keys.py']);
    expectCommitted(gitWithHooks(repo, ['commit', '-v'], { editor: await editorWriting('add fixtures\n') }), repo, head);
  });

  it('blocks a secret in a merge message', async () => {
    const repo = await repoWithHooks(runner);
    git(repo, ['checkout', '-q', '-b', 'feature']);
    git(repo, ['commit', '-q', '--allow-empty', '-m', 'feature work']);
    git(repo, ['checkout', '-q', 'main']);
    git(repo, ['commit', '-q', '--allow-empty', '-m', 'main work']);
    const head = headOf(repo);
    expectBlocked(gitWithHooks(repo, ['merge', '--no-ff', '-m', `merge with ${FAKE.stripe}`, 'feature']), repo, head);
    git(repo, ['merge', '--abort']);
    expectCommitted(gitWithHooks(repo, ['merge', '--no-ff', '-m', 'merge feature', 'feature']), repo, head);
  });
});
