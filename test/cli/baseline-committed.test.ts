import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { gitWithHooks, headOf, installHooks } from '../helpers/hooked-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const BASELINE = '.secretscan-baseline.json';

async function baselinePaths(repo: string): Promise<string[]> {
  const { entries } = JSON.parse(await readFile(join(repo, BASELINE), 'utf8')) as { entries: { path: string; ruleId: string }[] };
  return entries.map((entry) => `${entry.path} ${entry.ruleId}`).sort();
}

/** One committed secret and .env; then an untracked, a staged and a modified-in-place secret. */
async function repoWithUncommittedSecrets(): Promise<string> {
  const repo = await createRepo({
    commits: [{ files: { 'src/config.ts': `export const key = "${FAKE.stripe}";\n`, '.env': `OLD=1\n` } }],
    staged: { 'staged.ts': `export const s = "${FAKE.stripeOther}";\n` },
    untracked: { 'scratch/notes.txt': `try ${FAKE.stripeThird}\n`, 'local.env': 'A=1\n' },
  });
  await writeFile(join(repo, '.env'), `OLD=1\nNEW=${FAKE.awsKeyId}\n`);
  return repo;
}

describe('secretscan baseline records committed content only, unless asked', () => {
  it('by default: the files as HEAD holds them (the committed .env included), nothing staged, modified or untracked', async () => {
    const repo = await repoWithUncommittedSecrets();
    const run = await runCli(['baseline'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(await baselinePaths(repo)).toEqual(['.env file.dotenv', 'src/config.ts stripe.secret-key']);
  });

  it('--include-uncommitted: the working tree, staged and untracked files too', async () => {
    const repo = await repoWithUncommittedSecrets();
    expect((await runCli(['baseline', '--include-uncommitted'], { cwd: repo })).code).toBe(0);
    const paths = await baselinePaths(repo);
    expect(paths).toEqual(expect.arrayContaining(['scratch/notes.txt stripe.secret-key', 'staged.ts stripe.secret-key', 'src/config.ts stripe.secret-key']));
    expect(paths.some((path) => path.startsWith('.env aws.'))).toBe(true);
  });

  it('paths limit it to those committed files', async () => {
    const repo = await repoWithUncommittedSecrets();
    await runCli(['baseline', 'src', 'scratch'], { cwd: repo });
    expect(await baselinePaths(repo)).toEqual(['src/config.ts stripe.secret-key']);
  });

  it('--staged records nothing unless --include-uncommitted says so (exit 2)', async () => {
    const repo = await repoWithUncommittedSecrets();
    const refused = await runCli(['baseline', '--staged'], { cwd: repo });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add --include-uncommitted');
    expect((await runCli(['baseline', '--staged', '--include-uncommitted'], { cwd: repo })).code).toBe(0);
    expect(await baselinePaths(repo)).toContain('staged.ts stripe.secret-key');
  });

  it('before the first commit: an empty baseline; outside a repository: the files as they are', async () => {
    const unborn = await createRepo({ untracked: { 'a.txt': `${FAKE.stripe}\n` } });
    expect((await runCli(['baseline'], { cwd: unborn })).stderr).toContain('0 entries');
    const dir = await makeTempDir();
    await writeFile(join(dir, 'a.txt'), `${FAKE.stripe}\n`);
    expect((await runCli(['baseline'], { cwd: dir })).code).toBe(0);
    expect(await baselinePaths(dir)).toEqual(['a.txt stripe.secret-key']);
  });

  it('the hook then still blocks committing a secret that was untracked when the baseline was made', async () => {
    const repo = await repoWithUncommittedSecrets();
    await runCli(['baseline'], { cwd: repo });
    git(repo, ['add', BASELINE]);
    git(repo, ['commit', '-qm', 'baseline']);
    await installHooks(repo, 'plain', ['pre-commit']);
    const head = headOf(repo);
    git(repo, ['add', 'scratch/notes.txt']);
    const run = gitWithHooks(repo, ['commit', '-m', 'notes']);
    expect(run.status, run.stdout + run.stderr).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('scratch/notes.txt');
    expect(headOf(repo)).toBe(head);
  });
});
