import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, fixtureGitEnv, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const FILES = 10_000;
const SECRET_FILE = 7_777;

function pathOf(i: number): string {
  return `d${String(i % 100).padStart(2, '0')}/f${String(i).padStart(5, '0')}.txt`;
}

/**
 * A git fast-import stream for one commit on `main` (after `parent`) adding FILES small files,
 * each with distinct content, one of them holding a secret. Much faster than 10,000 `git add`s.
 */
function fastImportStream(parent: string): string {
  const parts = [`commit refs/heads/main\ncommitter Fixture Committer <committer@example.test> 1704164645 +0000\ndata 10\nmany files\nfrom ${parent}\n`];
  for (let i = 0; i < FILES; i++) {
    const body = i === SECRET_FILE ? `K=${FAKE.stripe}\n` : `file ${i}\n`;
    parts.push(`M 100644 inline ${pathOf(i)}\ndata ${Buffer.byteLength(body)}\n${body}\n`);
  }
  return parts.join('');
}

interface Report {
  findings: { path: string; startLine: number; occurrences?: unknown[] }[];
}

describe('a commit of 10,000 files', () => {
  it('--range and --history find the one secret once', { timeout: 30_000 }, async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    const parent = git(repo, ['rev-parse', 'HEAD']).trim();
    execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, env: fixtureGitEnv(), input: fastImportStream(parent) });
    expect(git(repo, ['ls-tree', '-r', '--name-only', 'HEAD']).split('\n').filter(Boolean)).toHaveLength(FILES + 1);
    for (const args of [['--range=HEAD~1..HEAD'], ['--history']]) {
      const run = await runCli(['scan', '--format', 'json', ...args], { cwd: repo });
      expect(run.stderr, args[0]).toBe('');
      expect(run.code, args[0]).toBe(1);
      const report = JSON.parse(run.stdout) as Report;
      expect(
        report.findings.map((f) => `${f.path}:${f.startLine}`),
        args[0],
      ).toEqual([`${pathOf(SECRET_FILE)}:1`]);
    }
  });
});
