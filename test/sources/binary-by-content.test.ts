import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

interface Report {
  findings: { ruleId: string; path: string; startLine: number; commit?: { sha: string } }[];
  skipped: { path: string; reason: string }[];
  notices?: string[];
}

async function scan(cwd: string, args: string[]): Promise<{ code: number; report: Report }> {
  const run = await runCli(['scan', ...args, '--format', 'json', '--no-gitignore-audit'], { cwd });
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

const at = (report: Report): string[] => report.findings.map((f) => `${f.path}:${f.startLine}:${f.ruleId}`);

const OLD_CFG = `[server]\nold_key = ${FAKE.stripeOther}\nport = 8080\n`;
const NEW_CFG = `[server]\nold_key = ${FAKE.stripeOther}\nport = 8080\nkey = ${FAKE.stripe}\n`;

/** `.gitattributes` lines that make git's diff call a text file binary, and repo config that does too. */
const BINARY_BY_ATTRIBUTE: [string, string, string[][]][] = [
  ['-diff', '*.cfg -diff\n', []],
  ['binary', '*.cfg binary\n', []],
  ['a diff driver with binary = true', '*.cfg diff=opaque\n', [['config', 'diff.opaque.binary', 'true']]],
  [
    'a diff driver with a textconv',
    '*.cfg diff=hide\n',
    [
      ['config', 'diff.hide.textconv', 'true'],
      ['config', 'diff.hide.binary', 'true'],
    ],
  ],
];

describe.each(BINARY_BY_ATTRIBUTE)('a text file that %s makes git call binary', (_name, attributes, config) => {
  async function repoWithAttributes(): Promise<string> {
    const repo = await createRepo({ commits: [{ files: { '.gitattributes': attributes, 'app.cfg': OLD_CFG } }] });
    for (const args of config) git(repo, args);
    return repo;
  }

  it('--staged scans its added lines (not the lines it had), at their line numbers', async () => {
    const repo = await repoWithAttributes();
    await writeFile(join(repo, 'app.cfg'), NEW_CFG);
    git(repo, ['add', 'app.cfg']);
    const { code, report } = await scan(repo, ['--staged']);
    expect(at(report)).toEqual(['app.cfg:4:stripe.secret-key']);
    expect(report.skipped).toEqual([]);
    expect(code).toBe(1);
  });

  it('--staged scans a new such file whole', async () => {
    const repo = await repoWithAttributes();
    await writeFile(join(repo, 'new.cfg'), NEW_CFG);
    git(repo, ['add', 'new.cfg']);
    expect(at((await scan(repo, ['--staged'])).report)).toEqual(['new.cfg:2:stripe.secret-key', 'new.cfg:4:stripe.secret-key']);
  });

  it('--range scans its added lines, with the commit', async () => {
    const repo = await repoWithAttributes();
    const base = git(repo, ['rev-parse', 'HEAD']).trim();
    await writeFile(join(repo, 'app.cfg'), NEW_CFG);
    git(repo, ['commit', '-qam', 'add key']);
    const head = git(repo, ['rev-parse', 'HEAD']).trim();
    const { report } = await scan(repo, ['--range', `${base}..HEAD`]);
    expect(at(report)).toEqual(['app.cfg:4:stripe.secret-key']);
    expect(report.findings[0]?.commit?.sha).toBe(head);
  });

  it('--history and a working-tree scan read it as text', async () => {
    const repo = await repoWithAttributes();
    await writeFile(join(repo, 'app.cfg'), NEW_CFG);
    git(repo, ['commit', '-qam', 'add key']);
    expect(at((await scan(repo, ['--history'])).report)).toEqual(['app.cfg:2:stripe.secret-key', 'app.cfg:4:stripe.secret-key']);
    expect(at((await scan(repo, [])).report)).toEqual(['app.cfg:2:stripe.secret-key', 'app.cfg:4:stripe.secret-key']);
  });
});

describe('binary by content', () => {
  it('a file with a NUL in its first 8000 bytes has its printable strings scanned whole, staged and in a range', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    const base = git(repo, ['rev-parse', 'HEAD']).trim();
    await writeFile(join(repo, 'blob.dat'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(`\n${FAKE.stripe}\n`)]));
    git(repo, ['add', 'blob.dat']);
    const staged = await scan(repo, ['--staged']);
    expect(at(staged.report)).toEqual(['blob.dat:2:stripe.secret-key']);
    expect(staged.report.skipped).toEqual([]);
    git(repo, ['commit', '-qm', 'blob']);
    const range = await scan(repo, ['--range', `${base}..HEAD`]);
    expect(at(range.report)).toEqual(['blob.dat:2:stripe.secret-key']);
    expect(range.report.skipped).toEqual([]);
  });

  it('a merge that adds a line to an attribute-binary text file reports only that line', async () => {
    const repo = await createRepo({ commits: [{ files: { '.gitattributes': '*.cfg -diff\n', 'app.cfg': 'a = 1\nb = 2\nc = 3\nd = 4\ne = 5\n' } }] });
    const base = git(repo, ['rev-parse', 'HEAD']).trim();
    git(repo, ['checkout', '-q', '-b', 'side']);
    await writeFile(join(repo, 'app.cfg'), `side = ${FAKE.stripeOther}\na = 1\nb = 2\nc = 3\nd = 4\ne = 5\n`);
    git(repo, ['commit', '-qam', 'side']);
    git(repo, ['checkout', '-q', 'main']);
    await writeFile(join(repo, 'app.cfg'), 'a = 1\nb = 2\nc = 3\nd = 4\ne = 5\nmain = 1\n');
    git(repo, ['commit', '-qam', 'main']);
    git(repo, ['merge', '-q', '--no-commit', 'side']);
    await writeFile(join(repo, 'app.cfg'), `side = ${FAKE.stripeOther}\na = 1\nb = 2\nevil = ${FAKE.stripe}\nc = 3\nd = 4\ne = 5\nmain = 1\n`);
    git(repo, ['commit', '-qam', 'merge']);
    const { report } = await scan(repo, ['--range', `${base}..HEAD`]);
    expect(at(report)).toEqual(['app.cfg:1:stripe.secret-key', 'app.cfg:4:stripe.secret-key']);
    const merge = git(repo, ['rev-parse', 'HEAD']).trim();
    expect(report.findings.find((f) => f.startLine === 4)?.commit?.sha).toBe(merge);
    expect(report.findings.find((f) => f.startLine === 1)?.commit?.sha).not.toBe(merge);
  });
});
