import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

interface Report {
  findings: { ruleId: string; path: string; startLine: number; startColumn: number; endLine: number; byteOffset?: number }[];
  skipped: { path: string; reason: string }[];
}

async function staged(cwd: string, extra: string[] = []) {
  const run = await runCli(['scan', '--staged', '--format', 'json', ...extra], { cwd });
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

const at = (r: Report) => r.findings.map((f) => `${f.path}:${f.startLine}:${f.startColumn}`);

describe('scan --staged', () => {
  it('reports only added lines, at their line in the staged file', async () => {
    const repo = await createRepo({
      commits: [{ files: { 'app.env': `OLD=${FAKE.stripe}\nA=1\n` } }],
      staged: { 'app.env': `OLD=${FAKE.stripe}\nA=1\nNEW=${FAKE.stripeOther}\n` },
    });
    const { code, report } = await staged(repo);
    expect(code).toBe(1);
    expect(at(report)).toEqual(['app.env:3:5']);
  });

  it('works before the first commit', async () => {
    const repo = await createRepo({ staged: { 'first.txt': `x\n${FAKE.stripe}\n` } });
    expect(at((await staged(repo)).report)).toEqual(['first.txt:2:1']);
  });

  it('ignores unstaged changes, deletions, pure renames and mode changes', async () => {
    const repo = await createRepo({
      commits: [{ files: { 'a.txt': `${FAKE.stripe}\n`, 'b.txt': `${FAKE.stripeOther}\n`, 'c.sh': `${FAKE.stripeThird}\n` } }],
    });
    git(repo, ['rm', '-q', 'a.txt']);
    git(repo, ['mv', 'b.txt', 'renamed.txt']);
    await chmod(join(repo, 'c.sh'), 0o755);
    git(repo, ['add', 'c.sh']);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(repo, 'unstaged.txt'), `${FAKE.stripe}\n`);
    const { code, report } = await staged(repo);
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('follows a renamed and edited file to its new path', async () => {
    const repo = await createRepo({ commits: [{ files: { 'old.env': 'A=1\nB=2\nC=3\nD=4\nE=5\n' } }] });
    git(repo, ['mv', 'old.env', 'new.env']);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(repo, 'new.env'), `A=1\nB=2\nC=3\nD=4\nE=5\nKEY=${FAKE.stripe}\n`);
    git(repo, ['add', 'new.env']);
    expect(at((await staged(repo)).report)).toEqual(['new.env:6:5']);
  });

  it('finds a multi-line private key in an added hunk', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }], staged: { 'deploy/id_rsa': `${FAKE.pem}\n` } });
    const { report } = await staged(repo);
    expect(report.findings).toEqual([
      // the staged key file itself, from the audit of secret-bearing files
      expect.objectContaining({ path: 'deploy/id_rsa', ruleId: expect.stringMatching(/^file\./) as unknown }),
      expect.objectContaining({ path: 'deploy/id_rsa', startLine: 1, endLine: 5, ruleId: 'private-key.pem' }),
    ]);
  });

  it('scans the printable strings of binary files, and skips and counts too-large files', async () => {
    const repo = await createRepo({
      commits: [{ files: { 'README.md': 'hi\n' } }],
      staged: { 'blob.bin': Buffer.from([0, 1, 0, ...Buffer.from(FAKE.stripe)]), 'big.txt': `${'y'.repeat(3000)}\n${FAKE.stripe}\n` },
    });
    const { report } = await staged(repo, ['--max-file-size', '1KB']);
    expect(report.findings.map((f) => `${f.path}:${f.ruleId}:${f.byteOffset}`)).toEqual(['blob.bin:stripe.secret-key:3']);
    expect(report.skipped.map((s) => `${s.path}:${s.reason}`)).toEqual(['big.txt:too-large']);
  });

  it('handles paths with spaces, newlines and unicode, and CRLF', async () => {
    const repo = await createRepo({
      commits: [{ files: { 'README.md': 'hi\n' } }],
      staged: { 'dir with space/a b.env': `K=${FAKE.stripe}\r\n`, 'new\nline.env': `K=${FAKE.stripe}\n`, 'ünï/cödé.env': `\r\nK=${FAKE.stripe}\r\n` },
    });
    expect(at((await staged(repo)).report)).toEqual(['dir with space/a b.env:1:3', 'new\nline.env:1:3', 'ünï/cödé.env:2:3']);
  });

  it('ignores submodule entries and works on a detached HEAD', async () => {
    const repo = await createRepo({ commits: [{ files: { 'a.txt': 'a\n' } }, { files: { 'b.txt': 'b\n' } }] });
    const sha = git(repo, ['rev-parse', 'HEAD~1']).trim();
    git(repo, ['checkout', '-q', '--detach', sha]);
    git(repo, ['update-index', '--add', '--cacheinfo', `160000,${sha},vendor/lib`]);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(repo, 'c.txt'), `${FAKE.stripe}\n`);
    git(repo, ['add', 'c.txt']);
    expect(at((await staged(repo)).report)).toEqual(['c.txt:1:1']);
  });

  it('works in a linked worktree', async () => {
    const repo = await createRepo({ commits: [{ files: { 'a.txt': 'a\n' } }] });
    const tree = join(await makeTempDir(), 'wt');
    git(repo, ['worktree', 'add', '-q', tree]);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(tree, 'w.env'), `K=${FAKE.stripe}\n`);
    git(tree, ['add', 'w.env']);
    expect(at((await staged(tree)).report)).toEqual(['w.env:1:3']);
  });

  it('exits 2 outside a repository, and in a bare one', async () => {
    const dir = await makeTempDir();
    const outside = await runCli(['scan', '--staged'], { cwd: dir });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('needs a git repository');
    const bare = await createRepo({ isBare: true });
    expect((await runCli(['scan', '--staged'], { cwd: bare })).code).toBe(2);
  });

  it('refuses to combine sources', async () => {
    const repo = await createRepo({ commits: [{ files: { 'a.txt': 'a\n' } }] });
    const run = await runCli(['scan', '--staged', '--history'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('choose one of --staged, --history');
  });
});
