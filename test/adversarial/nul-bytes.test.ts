import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

interface Report {
  findings: { ruleId: string; byteOffset?: number }[];
  skipped: { path: string; reason: string }[];
  notices?: string[];
}

// 1 MB of NUL bytes with a secret appended: binary by git's rule (a NUL in the first 8,000
// bytes), so only its printable strings are scanned (found at its byte offset), never a
// megabyte of U+0000 text.
const ZEROS = Buffer.concat([Buffer.alloc(1024 * 1024), Buffer.from(`\nK=${FAKE.stripe}\n`)]);
const AT = 1024 * 1024 + 3;

async function scan(cwd: string, args: string[]): Promise<Report & { code: number }> {
  const run = await runCli(['scan', '--format', 'json', ...args], { cwd });
  expect(run.stderr).toBe('');
  return { code: run.code, ...(JSON.parse(run.stdout) as Report) };
}

describe('a file of 1 MB of NUL bytes', () => {
  it('has its printable strings scanned in the working tree and in --staged: the secret at its byte offset', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }], staged: { 'zeros.bin': ZEROS } });
    for (const args of [[], ['--staged']]) {
      const report = await scan(repo, [...args, '--no-gitignore-audit']);
      expect(report.code, args.join(' ')).toBe(1);
      expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'stripe.secret-key', byteOffset: AT })]);
      expect(report.skipped).toEqual([]);
    }
  });

  it('is counted as a binary blob by --history, and its secret found', async () => {
    const repo = await createRepo({ commits: [{ files: { 'zeros.bin': ZEROS } }] });
    const report = await scan(repo, ['--history']);
    expect(report.code).toBe(1);
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'stripe.secret-key', byteOffset: AT })]);
    expect(report.notices?.join('\n')).toContain('1 binary blob scanned for printable strings');
  });
});
