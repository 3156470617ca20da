import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

// The working-tree and --history cases of these encodings are covered by test/cli/scan.test.ts
// and test/sources/history.test.ts; here are the diff-based sources, --staged and --range.

interface Report {
  findings: { path: string; startLine: number; startColumn: number }[];
  skipped: { path: string; reason: string }[];
}

/** Invalid UTF-8 (a broken sequence, a lone 0xff, a Latin-1 é) above the secret on line 3. */
const BROKEN_UTF8 = Buffer.concat([Buffer.from([0xc3, 0x28, 0xff, 0x0a]), Buffer.from('caf'), Buffer.from([0xe9, 0x0a]), Buffer.from(`K=${FAKE.stripe}\n`)]);
/** UTF-16LE with a byte-order mark and CRLF, the secret on line 3. */
const UTF16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`line one\r\nline two\r\nK=${FAKE.stripeOther}\r\n`, 'utf16le')]);

async function scan(cwd: string, args: string[]): Promise<Report & { code: number }> {
  const run = await runCli(['scan', '--format', 'json', ...args], { cwd });
  expect(run.stderr).toBe('');
  return { code: run.code, ...(JSON.parse(run.stdout) as Report) };
}

/** A repository with one commit and `files` staged on top of it. */
function withStaged(files: Record<string, Buffer>): Promise<string> {
  return createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }], staged: files });
}

describe('unusual encodings in --staged and --range', () => {
  it('finds a secret after invalid UTF-8 bytes, at its line and column', async () => {
    const repo = await withStaged({ 'broken.env': BROKEN_UTF8 });
    const at = (report: Report) => report.findings.map((f) => `${f.path}:${f.startLine}:${f.startColumn}`);
    expect(at(await scan(repo, ['--staged']))).toEqual(['broken.env:3:3']);
    git(repo, ['commit', '-q', '-m', 'add broken.env']);
    expect(at(await scan(repo, ['--range', 'HEAD~1..HEAD']))).toEqual(['broken.env:3:3']);
  });

  // Found by this test and fixed (src/sources/binary-diff.ts): git's diff calls a UTF-16 file binary
  // (NUL bytes), so --staged and --range skipped it and a pre-commit hook let its secret through.
  // The staged or committed blob of a BOM-marked UTF-16 file is now read, decoded and scanned.
  it('finds a secret in a UTF-16LE file with a byte-order mark, at its line', async () => {
    const repo = await withStaged({ 'wide.txt': UTF16 });
    const staged = await scan(repo, ['--staged']);
    expect(staged.skipped).toEqual([]);
    expect(staged.code).toBe(1);
    expect(staged.findings.map((f) => `${f.path}:${f.startLine}`)).toEqual(['wide.txt:3']);
    git(repo, ['commit', '-q', '-m', 'add wide.txt']);
    const range = await scan(repo, ['--range', 'HEAD~1..HEAD']);
    expect(range.findings.map((f) => `${f.path}:${f.startLine}`)).toEqual(['wide.txt:3']);
  });
});
