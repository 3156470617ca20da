import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { committedMessage } from '../../src/sources/commit-message.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const SCISSORS = '# ------------------------ >8 ------------------------';

describe('committedMessage (what git keeps of a message file)', () => {
  const text = ['subject', '# a comment', '', 'body', SCISSORS, '# Do not modify or remove the line above.', 'diff --git a/x b/x', '+KEY=1'].join('\n');

  it('strip (an edited message): comment lines blanked in place, everything from the scissors line cut', () => {
    expect(committedMessage(text, { comment: '#', mode: 'strip' })).toBe('subject\n\n\nbody');
  });

  it('whitespace and verbatim (-m, -F, --no-edit): every line kept', () => {
    expect(committedMessage(text, { comment: '#', mode: 'whitespace' })).toBe(text);
    expect(committedMessage(text, { comment: '#', mode: 'verbatim' })).toBe(text);
  });

  it('scissors: cut, comments kept', () => {
    expect(committedMessage(text, { comment: '#', mode: 'scissors' })).toBe('subject\n# a comment\n\nbody');
  });

  it('another comment character, and auto (comments kept, any candidate scissors line cuts)', () => {
    const semi = text.replaceAll('# ', '; ').replace('#', ';');
    expect(committedMessage(semi, { comment: ';', mode: 'strip' })).toBe('subject\n\n\nbody');
    expect(committedMessage(semi, { comment: undefined, mode: 'strip' })).toBe('subject\n; a comment\n\nbody');
  });
});

describe('scan --commit-msg FILE', () => {
  it('exits 1 on a secret in the message, reported under COMMIT_EDITMSG at its line, and 0 on a clean one', async () => {
    const repo = await createRepo({ commits: [{ files: { 'a.txt': 'a\n' } }] });
    await writeFile(join(repo, 'msg.txt'), `subject\n\nkey ${FAKE.stripe}\n# ${FAKE.stripeOther}\n`);
    const run = await runCli(['scan', '--commit-msg', 'msg.txt', '--format', 'json'], { cwd: repo });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { path: string; startLine: number }[] };
    expect(report.findings.map((f) => `${f.path}:${f.startLine}`)).toEqual(['COMMIT_EDITMSG:3']);
    await writeFile(join(repo, 'msg.txt'), 'subject\n');
    expect((await runCli(['scan', '--commit-msg', 'msg.txt'], { cwd: repo })).code).toBe(0);
  });

  it('with GIT_EDITOR=: (no editor: git keeps comment-looking lines) the # line counts too', async () => {
    const repo = await createRepo({ commits: [{ files: { 'a.txt': 'a\n' } }] });
    await writeFile(join(repo, 'msg.txt'), `subject\n# ${FAKE.stripe}\n`);
    const run = await runCli(['scan', '--commit-msg', 'msg.txt', '--format', 'json'], { cwd: repo, env: { PATH: process.env.PATH ?? '', GIT_EDITOR: ':' } });
    expect(run.code).toBe(1);
    git(repo, ['config', 'commit.cleanup', 'strip']);
    expect((await runCli(['scan', '--commit-msg', 'msg.txt'], { cwd: repo, env: { PATH: process.env.PATH ?? '', GIT_EDITOR: ':' } })).code).toBe(0);
  });

  it('works outside a repository', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'MSG'), `key ${FAKE.stripe}\n`);
    expect((await runCli(['scan', '--commit-msg', 'MSG'], { cwd: dir })).code).toBe(1);
  });

  it('exits 2 with a message for a missing file or a directory, and refuses other sources or paths', async () => {
    const dir = await makeTempDir();
    const missing = await runCli(['scan', '--commit-msg', 'nope.txt'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--commit-msg nope.txt: cannot read the message file: it does not exist');
    const directory = await runCli(['scan', '--commit-msg', '.'], { cwd: dir });
    expect(directory.code).toBe(2);
    expect(directory.stderr).toContain('not a regular file');
    expect((await runCli(['scan', '--commit-msg', 'x', '--staged'], { cwd: dir })).stderr).toContain('choose one of --staged, --commit-msg');
    expect((await runCli(['scan', '--commit-msg', 'x', 'src'], { cwd: dir })).stderr).toContain('--commit-msg cannot be combined with paths');
  });
});
