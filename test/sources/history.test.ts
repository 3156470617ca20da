import { execFileSync, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, fixtureGitEnv, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

interface HistoryFinding {
  ruleId: string;
  path: string;
  startLine: number;
  commit?: { sha: string };
  isPresentAtHead?: boolean;
  occurrences: { path: string; startLine: number; commit?: { sha: string } }[];
}
interface Report {
  findings: HistoryFinding[];
  notices?: string[];
  skipped: { path: string; reason: string }[];
  suppressed: { paths: number };
}

async function history(cwd: string, extra: string[] = []) {
  const run = await runCli(['scan', '--history', '--format', 'json', ...extra], { cwd });
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

const sha = (repo: string, rev: string) => git(repo, ['rev-parse', rev]).trim();

describe('scan --history', () => {
  it('reports a removed secret once, with the commit that introduced it, as gone from HEAD', async () => {
    const repo = await createRepo({ commits: [{ files: { 'app.env': `A=1\nKEY=${FAKE.stripe}\n` } }, { files: { 'app.env': 'A=1\n' } }] });
    const { code, report } = await history(repo);
    expect(code).toBe(1);
    expect(report.findings).toEqual([expect.objectContaining({ path: 'app.env', startLine: 2, commit: expect.objectContaining({ sha: sha(repo, 'HEAD~1') }), isPresentAtHead: false })]);
  });

  it('groups every path and commit of the same secret into one finding, earliest first', async () => {
    const repo = await createRepo({
      commits: [{ files: { 'a.env': `K=${FAKE.stripe}\n` } }, { files: { 'b/copy.env': `K=${FAKE.stripe}\n`, 'c.env': `other\nK=${FAKE.stripe}\n` } }],
    });
    const { report } = await history(repo);
    expect(report.findings).toHaveLength(1);
    const [finding] = report.findings;
    expect(finding?.path).toBe('a.env');
    expect(finding?.isPresentAtHead).toBe(true);
    expect(finding?.occurrences.map((o) => `${o.path}:${o.startLine}`).sort()).toEqual(['a.env:1', 'b/copy.env:1', 'c.env:2']);
  });

  it('orders commits with equal dates by history, not by path', async () => {
    const repo = await createRepo({ commits: [{ files: { 'z-first.env': `K=${FAKE.stripe}\n` } }, { files: { 'a-later.env': `K=${FAKE.stripe}\n` } }] });
    const [finding] = (await history(repo)).report.findings;
    expect(finding?.path).toBe('z-first.env');
    expect(finding?.commit?.sha).toBe(sha(repo, 'HEAD~1'));
  });

  it('gives the same result on one thread and on several', async () => {
    const repo = await createRepo({ commits: [{ files: { 'a.env': `K=${FAKE.stripe}\n`, 'b.env': `K=${FAKE.stripeOther}\n` } }, { files: { 'a.env': 'gone\n' } }] });
    const one = await runCli(['scan', '--history', '--format', 'json', '--threads', '0'], { cwd: repo });
    const two = await runCli(['scan', '--history', '--format', 'json', '--threads', '2'], { cwd: repo });
    expect(JSON.parse(one.stdout).findings).toHaveLength(2);
    expect(two.stdout).toBe(one.stdout);
  });

  it('reads every ref: branches, tags and the stash', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n', 'work.txt': 'w\n' } }] });
    git(repo, ['checkout', '-q', '-b', 'side']);
    await writeFile(join(repo, 'side.env'), `K=${FAKE.stripe}\n`);
    git(repo, ['add', 'side.env']);
    git(repo, ['commit', '-q', '-m', 'side']);
    git(repo, ['tag', 'v1']);
    git(repo, ['checkout', '-q', 'main']);
    git(repo, ['branch', '-D', 'side']);
    await writeFile(join(repo, 'work.txt'), `K=${FAKE.stripeOther}\n`);
    git(repo, ['stash', '-q']);
    const { report } = await history(repo);
    expect(report.findings.map((f) => f.path).sort()).toEqual(['side.env', 'work.txt']);
  });

  it('scans commit messages', async () => {
    const repo = await createRepo({ commits: [{ files: { 'a.txt': 'a\n' }, message: `fix\n\nused ${FAKE.stripe} to test` }] });
    const { report } = await history(repo);
    expect(report.findings).toEqual([expect.objectContaining({ path: 'COMMIT_EDITMSG', startLine: 3 })]);
  });

  it('reads each unique blob once and says how many', async () => {
    const repo = await createRepo({ commits: [{ files: { 'a.txt': 'same\n', 'b.txt': 'same\n' } }, { files: { 'c.txt': 'same\n', 'd.txt': 'new\n' } }] });
    const { report } = await history(repo);
    expect(report.notices?.[0]).toMatch(/^history: 2 commits and 2 unique blobs/);
  });

  it('applies path allowlists to each place a blob was committed', async () => {
    const repo = await createRepo({
      commits: [{ files: { '.secretscan.yaml': 'allowlist:\n  - reason: fixtures\n    paths: [fixtures/]\n', 'fixtures/k.env': `K=${FAKE.stripe}\n` } }, { files: { 'src/k.env': `K=${FAKE.stripe}\n` } }],
    });
    const { report } = await history(repo);
    expect(report.findings.map((f) => f.occurrences.map((o) => o.path))).toEqual([['src/k.env']]);
    expect(report.suppressed.paths).toBe(1);
  });

  it('gives exact paths with spaces, newlines and unicode', async () => {
    const names = ['dir with space/k.env', 'new\nline.env', 'ünï/k.env'];
    const repo = await createRepo({ commits: [{ files: Object.fromEntries(names.map((n, i) => [n, `K=${[FAKE.stripe, FAKE.stripeOther, FAKE.stripeThird][i]}\n`])) }] });
    const { report } = await history(repo);
    expect(report.findings.map((f) => f.path).sort()).toEqual([...names].sort());
  });

  it('skips and counts oversized blobs, and counts binary ones (their printable strings scanned)', async () => {
    const repo = await createRepo({ commits: [{ files: { 'big.txt': `${'x'.repeat(4000)}\n${FAKE.stripe}\n`, 'img.bin': Buffer.from([0, 1, 2, 0]) } }] });
    const { report } = await history(repo, ['--max-file-size', '1KB']);
    expect(report.findings).toEqual([]);
    expect(report.skipped).toEqual([expect.objectContaining({ path: 'big.txt', reason: 'too-large' })]);
    expect(report.notices?.[0]).toContain('1 binary blob scanned for printable strings');
  });

  it('works in a bare repository and in a linked worktree', async () => {
    const repo = await createRepo({ commits: [{ files: { 'k.env': `K=${FAKE.stripe}\n` } }] });
    const bare = join(await makeTempDir(), 'bare.git');
    execFileSync('git', ['clone', '-q', '--bare', repo, bare], { env: fixtureGitEnv() });
    expect((await history(bare)).report.findings).toHaveLength(1);
    const tree = join(await makeTempDir(), 'wt');
    git(repo, ['worktree', 'add', '-q', tree]);
    expect((await history(tree)).report.findings).toHaveLength(1);
  });

  it('scans blobs with invalid UTF-8, CRLF and a UTF-16 byte-order mark', async () => {
    const repo = await createRepo({
      commits: [
        {
          files: {
            'latin1.txt': Buffer.concat([Buffer.from([0xe9, 0xff, 0x0a]), Buffer.from(`K=${FAKE.stripe}\r\n`)]),
            'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`K=${FAKE.stripeOther}\r\n`, 'utf16le')]),
          },
        },
      ],
    });
    const { report } = await history(repo);
    expect(report.findings.map((f) => `${f.path}:${f.startLine}`)).toEqual(['latin1.txt:2', 'utf16.txt:1']);
  });

  it('says an empty repository has no history, and exits 0', async () => {
    const repo = await createRepo();
    const { code, report } = await history(repo);
    expect(code).toBe(0);
    expect(report.notices).toContain('the repository has no commits yet: there is no history to audit');
  });

  it('says a shallow clone is shallow and what it covered', async () => {
    const origin = await createRepo({ commits: [1, 2, 3].map((n) => ({ files: { 'n.txt': `${n}\n` } })) });
    const clone = join(await makeTempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone], { env: fixtureGitEnv() });
    const { report } = await history(clone);
    expect(report.notices?.join('\n')).toMatch(/this clone is shallow: the audit covers only 1 commit, back to 2024-01-02/);
  });

  it('exits 2 outside a repository, and when git is missing', async () => {
    const dir = await makeTempDir();
    expect((await runCli(['scan', '--history'], { cwd: dir })).code).toBe(2);
    const bin = fileURLToPath(new URL('../../dist/src/cli/bin.js', import.meta.url));
    const run = spawnSync(process.execPath, [bin, 'scan', '--history'], { cwd: dir, env: { PATH: '/nonexistent' }, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('git is not installed or not on PATH');
  });
});
