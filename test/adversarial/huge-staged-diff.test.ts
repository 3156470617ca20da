import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

// One new file of 100,000 lines, each with a keyword-like assignment, staged in one hunk; the
// secret is on line 99,990. Line numbers must survive the long hunk exactly.
const LINES = 100_000;
const SECRET_LINE = 99_990;

function hugeFile(): string {
  const lines = Array.from({ length: LINES }, (_, i) => `line ${i + 1} key=value${i + 1}`);
  lines[SECRET_LINE - 1] = `STRIPE=${FAKE.stripe}`;
  return `${lines.join('\n')}\n`;
}

describe('a 100,000-line staged diff', () => {
  it('scan --staged finds the secret near the end at its line', { timeout: 30_000 }, async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }], staged: { 'huge.env': hugeFile() } });
    const run = await runCli(['scan', '--staged', '--format', 'json'], { cwd: repo });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { path: string; startLine: number; startColumn: number }[] };
    expect(report.findings.map((f) => `${f.path}:${f.startLine}:${f.startColumn}`)).toEqual([`huge.env:${SECRET_LINE}:8`]);
  });
});
