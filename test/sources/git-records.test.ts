import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDateOf, parseMessageObject } from '../../src/sources/commit-object.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

interface Report {
  findings: { path: string; startLine: number; commit?: { sha: string; author: string; date: string } }[];
}

async function scanJson(cwd: string, args: string[]): Promise<Report> {
  const run = await runCli(['scan', ...args, '--format', 'json'], { cwd });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Report;
}

/** Messages whose control characters once ended or forged a record in a `git log --format` stream. */
const HOSTILE_MESSAGES = [
  ['a group separator (\\x1d)', `fix\x1d\nkey = ${FAKE.stripe}\n`],
  ['a forged record start (\\x1e)', `fix\n\x1e${'0'.repeat(40)}\x1fEve <e@x>\x1f2024\x1f\nkey = ${FAKE.stripe}\n`],
  ['a unit separator (\\x1f) and NUL-free binary noise', `fix \x1f\x01\x02\nkey = ${FAKE.stripe}\n`],
] as const;

describe('commit and tag records are read from the objects themselves', () => {
  it.each(HOSTILE_MESSAGES)('--range finds a secret after %s in a commit message', async (_name, message) => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    const base = git(repo, ['rev-parse', 'HEAD']).trim();
    await writeFile(join(repo, 'a.txt'), 'x\n');
    git(repo, ['add', 'a.txt']);
    git(repo, ['commit', '-q', '--cleanup=verbatim', '-m', message]);
    const sha = git(repo, ['rev-parse', 'HEAD']).trim();
    const report = await scanJson(repo, [`--range=${base}..HEAD`]);
    expect(report.findings).toEqual([expect.objectContaining({ path: 'COMMIT_EDITMSG', commit: { sha, author: 'Fixture Author <author@example.test>', date: '2024-01-02T03:04:05+00:00' } })]);
  });

  it.each(HOSTILE_MESSAGES)('--history finds a secret after %s in a commit message', async (_name, message) => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    git(repo, ['commit', '-q', '--allow-empty', '--cleanup=verbatim', '-m', message]);
    const report = await scanJson(repo, ['--history']);
    expect(report.findings.map((f) => f.path)).toEqual(['COMMIT_EDITMSG']);
  });

  it('--history scans annotated tag messages, nested tags included', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    git(repo, ['tag', '-a', 'v1', '-m', `release\n\nkey = ${FAKE.stripe}`]);
    git(repo, ['tag', '-a', 'v1-again', 'v1', '-m', `again\n\nkey = ${FAKE.stripeOther}`]);
    const report = await scanJson(repo, ['--history']);
    const tagShas = [git(repo, ['rev-parse', 'v1']).trim(), git(repo, ['rev-parse', 'v1-again']).trim()].sort();
    expect(report.findings.map((f) => [f.path, f.startLine, f.commit?.author])).toEqual([
      ['TAG_EDITMSG', 3, 'Fixture Committer <committer@example.test>'],
      ['TAG_EDITMSG', 3, 'Fixture Committer <committer@example.test>'],
    ]);
    expect(report.findings.map((f) => f.commit?.sha).sort()).toEqual(tagShas);
  });

  it('--history ignores `git replace` refs: a replaced blob still shows its secret', async () => {
    const repo = await createRepo({ commits: [{ files: { 'app.env': `KEY=${FAKE.stripe}\n` } }] });
    const leaked = git(repo, ['rev-parse', 'HEAD:app.env']).trim();
    await writeFile(join(repo, 'clean.txt'), 'nothing here\n');
    const cleanBlob = git(repo, ['hash-object', '-w', 'clean.txt']).trim();
    git(repo, ['replace', leaked, cleanBlob]);
    expect(git(repo, ['show', 'HEAD:app.env'])).toBe('nothing here\n');
    const report = await scanJson(repo, ['--history']);
    expect(report.findings.map((f) => f.path)).toEqual(['app.env']);
  });
});

describe('parseMessageObject', () => {
  it('reads author, ISO date in the author zone, and the message of a raw commit', () => {
    const raw = Buffer.from('tree 4b82\nparent 1234\nauthor Ann <a@x> 1704164645 +0130\ncommitter C <c@x> 1704164645 +0000\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n -----END PGP SIGNATURE-----\n\nsubject\x1d\n\nbody\n\n');
    expect(parseMessageObject('abc', raw)).toEqual({ commit: { sha: 'abc', author: 'Ann <a@x>', date: '2024-01-02T04:34:05+01:30' }, message: 'subject\x1d\n\nbody' });
  });

  it('drops the signature block of a signed tag and decodes a declared encoding', () => {
    const tag = Buffer.from('object 1\ntype commit\ntag v1\ntagger T <t@x> 0 -0500\n\nnotes\n-----BEGIN PGP SIGNATURE-----\nxyz\n-----END PGP SIGNATURE-----\n');
    expect(parseMessageObject('t', tag)).toEqual({ commit: { sha: 't', author: 'T <t@x>', date: '1969-12-31T19:00:00-05:00' }, message: 'notes' });
    const latin1 = Buffer.concat([Buffer.from('tree 1\nauthor A <a@x> 0 +0000\nencoding ISO-8859-1\n\ncaf'), Buffer.from([0xe9])]);
    expect(parseMessageObject('l', latin1).message).toBe('café');
  });

  it('formats dates as git --format=%aI does', () => {
    expect(isoDateOf('1704164645', '+0000')).toBe('2024-01-02T03:04:05+00:00');
    expect(isoDateOf('1704164645', '-0800')).toBe('2024-01-01T19:04:05-08:00');
  });
});
