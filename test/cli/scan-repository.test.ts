import { describe, expect, it } from 'vitest';
import { createRepo, git } from '../helpers/git-repo.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const TOKEN = ['ghp', 'Q7b9ZxW2kLm4Np8Rt6Yv3Hs1a8Kd92LmQz7X'].join('_');

interface NamedReport {
  schemaVersion: number;
  repository?: { name: string; commit?: string };
  findings: unknown[];
}

async function scanJson(cwd: string, args: string[] = []) {
  const run = await runCli(['scan', '--history', '--format', 'json', ...args], { cwd });
  return { ...run, report: (run.stdout === '' ? undefined : JSON.parse(run.stdout)) as NamedReport | undefined };
}

describe('scan: JSON reports name their repository and commit', () => {
  it('names the origin as host/owner/name without the token in its URL, and the commit scanned', async () => {
    const repo = await createRepo({ commits: [{ files: { 'config.ts': `const key = "${FAKE.stripe}";\n` } }] });
    git(repo, ['remote', 'add', 'origin', `https://x-access-token:${TOKEN}@github.com/Acme/billing-api.git`]);
    const { code, stdout, stderr, report } = await scanJson(repo);
    expect(code).toBe(1);
    expect(report?.schemaVersion).toBe(1);
    expect(report?.repository).toEqual({ name: 'github.com/Acme/billing-api', commit: git(repo, ['rev-parse', 'HEAD']).trim() });
    expect(`${stdout}${stderr}`).not.toContain(TOKEN);
    expect(`${stdout}${stderr}`).not.toContain('x-access-token');
  });

  it('takes --repository NAME over the origin, and keeps the commit', async () => {
    const repo = await createRepo({ commits: [{ files: { 'readme.md': 'hello\n' } }] });
    git(repo, ['remote', 'add', 'origin', 'git@github.com:acme/api.git']);
    const { code, report } = await scanJson(repo, ['--repository', 'acme/renamed']);
    expect(code).toBe(0);
    expect(report?.repository).toEqual({ name: 'acme/renamed', commit: git(repo, ['rev-parse', 'HEAD']).trim() });
  });

  it('leaves repository out when there is no origin and no --repository; a commit-less repository has a name only', async () => {
    const repo = await createRepo({ commits: [{ files: { 'readme.md': 'hello\n' } }] });
    expect((await scanJson(repo)).report?.repository).toBeUndefined();
    const empty = await createRepo();
    expect((await scanJson(empty, ['--repository', 'acme/empty'])).report?.repository).toEqual({ name: 'acme/empty' });
  });

  it('names the repository for a directory outside git only with --repository', async () => {
    const dir = await makeTempDir();
    const run = await runCli(['scan', '--format', 'json', '--repository', 'acme/files', '.'], { cwd: dir });
    expect((JSON.parse(run.stdout) as NamedReport).repository).toEqual({ name: 'acme/files' });
  });

  it.each([[''], ['a\u001bb'], ['x'.repeat(513)]])('refuses --repository %j with exit 2', async (name) => {
    const repo = await createRepo({ commits: [{ files: { 'readme.md': 'hello\n' } }] });
    const { code, stderr, stdout } = await scanJson(repo, ['--repository', name]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--repository/);
  });
});

describe('scan --history: when a secret left the tree', () => {
  it('gives removedIn (the newest commit that replaced or deleted it) only for a secret no longer at HEAD', async () => {
    const repo = await createRepo();
    const commitAt = (date: string, files: Record<string, string | null>) => {
      for (const [path, content] of Object.entries(files)) {
        if (content === null) git(repo, ['rm', '-q', path]);
        else git(repo, ['add', path]);
      }
      git(repo, ['commit', '-q', '--allow-empty', '-m', `at ${date}`, '--date', date]);
      return git(repo, ['rev-parse', 'HEAD']).trim();
    };
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${repo}/a.ts`, `const a = "${FAKE.stripe}";\n`);
    await writeFile(`${repo}/b.ts`, `const b = "${FAKE.stripeOther}";\n`);
    commitAt('2024-02-01T10:00:00Z', { 'a.ts': '', 'b.ts': '' });
    await writeFile(`${repo}/a.ts`, 'const a = process.env.KEY;\n');
    const edited = commitAt('2024-03-01T10:00:00Z', { 'a.ts': '' });
    const report = (await scanJson(repo)).report as unknown as { findings: { path: string; isPresentAtHead: boolean; removedIn?: { sha: string; date: string } }[] };
    const byPath = new Map(report.findings.filter((f) => f.path.endsWith('.ts')).map((f) => [f.path, f]));
    expect(byPath.get('a.ts')?.isPresentAtHead).toBe(false);
    expect(byPath.get('a.ts')?.removedIn).toMatchObject({ sha: edited, date: '2024-03-01T10:00:00+00:00' });
    expect(byPath.get('b.ts')?.isPresentAtHead).toBe(true);
    expect(byPath.get('b.ts')?.removedIn).toBeUndefined();
    const deleted = commitAt('2024-04-01T10:00:00Z', { 'b.ts': null });
    const later = (await scanJson(repo)).report as unknown as typeof report;
    expect(later.findings.find((f) => f.path === 'b.ts')?.removedIn?.sha).toBe(deleted);
  });
});
