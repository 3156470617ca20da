import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, fixtureGitEnv, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

interface Report {
  findings: { ruleId: string; path: string; startLine: number; commit?: { sha: string; author: string; date: string } }[];
}

async function range(cwd: string, spec: string) {
  const run = await runCli(['scan', `--range=${spec}`, '--format', 'json'], { cwd });
  return { ...run, report: run.stdout === '' ? undefined : (JSON.parse(run.stdout) as Report) };
}

async function commitFile(repo: string, path: string, content: string, message: string): Promise<string> {
  await writeFile(join(repo, path), content);
  git(repo, ['add', path]);
  git(repo, ['commit', '-q', '-m', message]);
  return git(repo, ['rev-parse', 'HEAD']).trim();
}

describe('scan --range', () => {
  it('reports a secret added and removed inside the range, with its commit', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    const base = git(repo, ['rev-parse', 'HEAD']).trim();
    const added = await commitFile(repo, 'app.env', `A=1\nKEY=${FAKE.stripe}\n`, 'add config');
    await commitFile(repo, 'app.env', 'A=1\n', 'remove the key');
    const { code, report } = await range(repo, `${base}..HEAD`);
    expect(code).toBe(1);
    expect(report?.findings).toEqual([expect.objectContaining({ path: 'app.env', startLine: 2, commit: { sha: added, author: 'Fixture Author <author@example.test>', date: '2024-01-02T03:04:05+00:00' } })]);
  });

  it('reports each line once, in the commit that added it, and finds a secret a merge introduced itself', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n', 'conf.env': 'A=1\n' } }] });
    const base = git(repo, ['rev-parse', 'HEAD']).trim();
    git(repo, ['checkout', '-q', '-b', 'feature']);
    const onBranch = await commitFile(repo, 'feature.env', `KEY=${FAKE.stripe}\n`, 'feature key');
    git(repo, ['checkout', '-q', 'main']);
    await commitFile(repo, 'main.txt', 'main work\n', 'main work');
    git(repo, ['merge', '-q', '--no-commit', '--no-ff', 'feature']);
    await writeFile(join(repo, 'conf.env'), `A=1\nEVIL=${FAKE.stripeOther}\n`);
    git(repo, ['add', 'conf.env']);
    git(repo, ['commit', '-q', '-m', 'merge feature']);
    const merge = git(repo, ['rev-parse', 'HEAD']).trim();
    const { report } = await range(repo, `${base}..HEAD`);
    expect(report?.findings.map((f) => [f.path, f.startLine, f.commit?.sha])).toEqual([
      ['conf.env', 2, merge],
      ['feature.env', 1, onBranch],
    ]);
  });

  it('reads BASE...HEAD from the merge base, like git diff', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    git(repo, ['checkout', '-q', '-b', 'feature']);
    await commitFile(repo, 'f.env', `K=${FAKE.stripe}\n`, 'feature');
    git(repo, ['checkout', '-q', 'main']);
    await commitFile(repo, 'm.env', `K=${FAKE.stripeOther}\n`, 'main moved on');
    expect((await range(repo, 'main...feature')).report?.findings.map((f) => f.path)).toEqual(['f.env']);
    expect((await range(repo, 'main..feature')).report?.findings.map((f) => f.path)).toEqual(['f.env']);
    expect((await range(repo, 'feature...main')).report?.findings.map((f) => f.path)).toEqual(['m.env']);
  });

  it('scans commit messages', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    await commitFile(repo, 'x.txt', 'x\n', `Rotate the key\n\nold key was ${FAKE.stripe}`);
    const { report } = await range(repo, 'HEAD~1..HEAD');
    expect(report?.findings).toEqual([expect.objectContaining({ path: 'COMMIT_EDITMSG', startLine: 3 })]);
  });

  it('exits 2 with a clear message for a bad range', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    for (const spec of ['nonexistent..HEAD', 'HEAD', '--output=x..HEAD']) {
      const run = await range(repo, spec);
      expect(run.code, spec).toBe(2);
      expect(run.stderr, spec).toMatch(/--range .*(not a commit|not a range|cannot start with)/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 2 on an unborn branch, where HEAD is not a commit yet', async () => {
    const repo = await createRepo({ staged: { 'a.txt': 'a\n' } });
    const run = await range(repo, 'HEAD~1..HEAD');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a commit in this repository');
  });

  it('in a shallow clone whose base is missing, exits 2 with a hint to fetch deeper', async () => {
    const origin = await createRepo({ commits: [1, 2, 3, 4].map((n) => ({ files: { 'n.txt': `${n}\n` } })) });
    const old = git(origin, ['rev-parse', 'HEAD~3']).trim();
    const clone = join(await makeTempDir(), 'clone');
    const { execFileSync } = await import('node:child_process');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone], { env: fixtureGitEnv() });
    const run = await range(clone, `${old}..HEAD`);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('this clone is shallow');
    expect(run.stderr).toContain('fetch-depth: 0');
  });
});
