import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

// Working-tree, --staged and --history scans of `new\nline` names are covered by
// test/cli/scan.test.ts, test/sources/staged.test.ts and test/sources/history.test.ts. Here:
// --range, names with other characters git C-quotes (tab, quote, backslash), and a quoted name
// that also holds a space.
const SECRETS = [FAKE.stripe, FAKE.stripeOther, FAKE.stripeThird];

function filesNamed(names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name, i) => [name, `K=${SECRETS[i] ?? ''}\n`]));
}

async function pathsFound(repo: string, args: string[]): Promise<string[]> {
  const run = await runCli(['scan', '--format', 'json', ...args], { cwd: repo });
  expect(run.stderr, args.join(' ')).toBe('');
  expect(run.code, args.join(' ')).toBe(1);
  const report = JSON.parse(run.stdout) as { findings: { path: string; startLine: number }[] };
  return report.findings.map((f) => `${f.path}:${f.startLine}`).sort();
}

describe('paths git C-quotes', () => {
  it('--range, --staged and --history report a newline, tab, quote or backslash in a name exactly', async () => {
    const names = ['new\nline.env', 'tab\tquote"back\\slash.env'];
    const expected = names.map((n) => `${n}:1`).sort();
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }, { files: filesNamed(names) }] });
    expect(await pathsFound(repo, ['--range', 'HEAD~1..HEAD'])).toEqual(expected);
    expect(await pathsFound(repo, ['--history'])).toEqual(expected);
    const staged = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }], staged: filesNamed(names) });
    expect(await pathsFound(staged, ['--staged'])).toEqual(expected);
  });

  it('--history reports a quoted name that also holds a space exactly', async () => {
    const names = ['new\nline with space.env', 'x\n+++ b/looks like a header.env'];
    const repo = await createRepo({ commits: [{ files: filesNamed(names) }] });
    expect(await pathsFound(repo, ['--history'])).toEqual(names.map((n) => `${n}:1`).sort());
  });

  // Found by this test and fixed (src/sources/git-path.ts): git ends a quoted `+++ "b/…"` line with a
  // tab when the name has a space; the tab was kept and the closing quote decoded into the name.
  it('--staged and --range report a quoted name that also holds a space exactly', async () => {
    const names = ['new\nline with space.env', 'x\n+++ b/looks like a header.env'];
    const expected = names.map((n) => `${n}:1`).sort();
    const staged = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }], staged: filesNamed(names) });
    expect(await pathsFound(staged, ['--staged'])).toEqual(expected);
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }, { files: filesNamed(names) }] });
    expect(await pathsFound(repo, ['--range', 'HEAD~1..HEAD'])).toEqual(expected);
  });
});
