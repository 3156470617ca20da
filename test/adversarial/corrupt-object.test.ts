import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { STACK_FRAME } from './spawn-cli.js';

/** A repository whose second commit adds `k.env` (holding a secret) and whose `rev` object is then overwritten with garbage. */
async function repoWithCorrupt(rev: string): Promise<string> {
  const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }, { files: { 'k.env': `K=${FAKE.stripe}\n` } }] });
  const sha = git(repo, ['rev-parse', rev]).trim();
  const file = join(repo, '.git', 'objects', sha.slice(0, 2), sha.slice(2));
  await chmod(file, 0o644);
  await writeFile(file, 'this is not a zlib stream\n');
  return repo;
}

/** The first stderr line, after checking the message is short and has no stack. */
function gitErrorLine(stderr: string): string {
  expect(stderr).not.toMatch(STACK_FRAME);
  const lines = stderr.trimEnd().split('\n');
  expect(lines.length).toBeLessThanOrEqual(2);
  return lines[0] ?? '';
}

describe('a corrupt object in the repository', () => {
  it('a corrupt commit tree: --history and --range exit 2 with a one-line git error', { timeout: 20_000 }, async () => {
    const repo = await repoWithCorrupt('HEAD^{tree}');
    for (const args of [['--history'], ['--range', 'HEAD~1..HEAD']]) {
      const run = await runCli(['scan', ...args], { cwd: repo });
      expect(run.code, args[0]).toBe(2);
      expect(gitErrorLine(run.stderr), args[0]).toMatch(/^secretscan: git .*failed.*(inflate|corrupt|bad|invalid)/i);
    }
  });

  it('a corrupt blob in the range: --range exits 2 with a one-line git error', { timeout: 20_000 }, async () => {
    const repo = await repoWithCorrupt('HEAD:k.env');
    const run = await runCli(['scan', '--range', 'HEAD~1..HEAD'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(gitErrorLine(run.stderr)).toMatch(/^secretscan: git .*failed.*(inflate|corrupt|bad|invalid)/i);
  });

  // Found by this test and fixed (src/sources/history/history-chunks.ts): cat-file answers a corrupt
  // blob with `missing`, and the audit called the history clean (exit 0). It is now a problem naming
  // the path and blob: partial report, exit 2.
  it('a corrupt blob: --history reports a problem and exits 2 instead of calling it clean', { timeout: 20_000 }, async () => {
    const repo = await repoWithCorrupt('HEAD:k.env');
    for (const threads of ['0', '2']) {
      const run = await runCli(['scan', '--history', '--format', 'json', '--threads', threads], { cwd: repo });
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.code, `--threads ${threads}`).toBe(2);
      const report = JSON.parse(run.stdout) as { problems: unknown[]; isPartial: boolean };
      expect(report.isPartial).toBe(true);
      expect(report.problems).not.toEqual([]);
    }
  });
});
