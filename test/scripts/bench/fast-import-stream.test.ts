import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCommand, formatData, formatPath, parseMarks, writeStreamFile, type CommitCommand, type FastImportCommand } from '../../../scripts/bench/fast-import-stream.js';
import { importStream, runGit } from '../../../scripts/bench/git-fixture.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const who = { name: 'A Person', email: 'a@example.invalid', time: 1_700_000_000 };

describe('formatData', () => {
  it('counts bytes, not characters', () => {
    expect(formatData('abc')).toBe('data 3\nabc\n');
    expect(formatData('é\n')).toBe('data 3\né\n\n');
  });
});

describe('formatPath', () => {
  it('leaves plain paths (spaces included) alone and C-quotes the rest', () => {
    expect(formatPath('src/a b.ts')).toBe('src/a b.ts');
    expect(formatPath('"odd')).toBe('"\\"odd"');
    expect(formatPath('a\\b\nc')).toBe('"a\\\\b\\nc"');
    expect(() => formatPath('')).toThrow(RangeError);
  });
});

describe('formatCommand', () => {
  it('writes a root commit with inline files and a blank line after it', () => {
    const text = formatCommand({
      type: 'commit',
      ref: 'refs/heads/main',
      mark: 1,
      author: who,
      committer: who,
      message: 'first\n',
      changes: [{ kind: 'modify', path: 'a.txt', content: 'hi\n' }],
    });
    expect(text).toBe(
      ['commit refs/heads/main', 'mark :1', 'author A Person <a@example.invalid> 1700000000 +0000', 'committer A Person <a@example.invalid> 1700000000 +0000', 'data 6', 'first', '', 'M 100644 inline a.txt', 'data 3', 'hi', '', '', ''].join(
        '\n',
      ),
    );
  });

  it('writes parents, merges and deletions', () => {
    const text = formatCommand({
      type: 'commit',
      ref: 'refs/heads/main',
      mark: 4,
      author: who,
      committer: who,
      message: 'm',
      from: 2,
      merge: [3],
      changes: [{ kind: 'delete', path: 'gone.txt' }],
    });
    expect(text).toContain('\nfrom :2\nmerge :3\nD gone.txt\n\n');
  });

  it('writes tags without a trailing blank line, and resets', () => {
    expect(formatCommand({ type: 'tag', name: 'v1', from: 1, tagger: who, message: 'v1\n' })).toBe('tag v1\nfrom :1\ntagger A Person <a@example.invalid> 1700000000 +0000\ndata 3\nv1\n\n');
    expect(formatCommand({ type: 'reset', ref: 'refs/tags/x', from: 2 })).toBe('reset refs/tags/x\nfrom :2\n\n');
  });

  it('rejects an identity that would break the stream', () => {
    const bad = { ...who, name: 'x <y>' };
    expect(() => formatCommand({ type: 'tag', name: 'v1', from: 1, tagger: bad, message: '' })).toThrow(/tagger/);
  });
});

describe('parseMarks', () => {
  it('reads :mark sha lines and skips anything else', () => {
    const sha = 'a'.repeat(40);
    expect(parseMarks(`:1 ${sha}\n:12 ${'b'.repeat(40)}\n\njunk\n`)).toEqual(
      new Map([
        [1, sha],
        [12, 'b'.repeat(40)],
      ]),
    );
  });
});

describe('writeStreamFile and importStream', () => {
  it('build a repository git accepts, with the commits, merge, tag and ref of the stream', async () => {
    const dir = await makeTempDir();
    const commit = (mark: number, ref: string, extra: Partial<CommitCommand>): CommitCommand => ({
      type: 'commit',
      ref,
      mark,
      author: { ...who, time: who.time + mark },
      committer: { ...who, time: who.time + mark },
      message: `c${mark}\n`,
      changes: [],
      ...extra,
    });
    function* commands(): Generator<FastImportCommand, string> {
      yield commit(1, 'refs/heads/main', { changes: [{ kind: 'modify', path: 'a b.txt', content: 'one\n' }] });
      yield commit(2, 'refs/heads/side', { from: 1, changes: [{ kind: 'modify', path: 'side.txt', content: 'side\n' }] });
      yield commit(3, 'refs/heads/main', { from: 1, changes: [{ kind: 'delete', path: 'a b.txt' }] });
      yield commit(4, 'refs/heads/main', { from: 3, merge: [2], changes: [{ kind: 'modify', path: 'side.txt', content: 'side\n' }] });
      yield { type: 'tag', name: 'v1', from: 4, tagger: who, message: 'v1\n' };
      yield { type: 'reset', ref: 'refs/heads/old', from: 1 };
      return 'finished';
    }
    const streamPath = join(dir, 'stream');
    const { result, bytes } = writeStreamFile(streamPath, commands());
    expect(result).toBe('finished');
    expect(bytes).toBe(readFileSync(streamPath).length);
    const repo = join(dir, 'repo');
    const marks = importStream(repo, streamPath);
    expect(marks.size).toBe(4);
    expect(runGit(repo, ['rev-list', '--all', '--count']).trim()).toBe('4');
    expect(runGit(repo, ['rev-list', '--parents', '-n', '1', 'v1']).trim().split(' ')).toEqual([marks.get(4), marks.get(3), marks.get(2)]);
    expect(runGit(repo, ['for-each-ref', '--format=%(refname)']).trim().split('\n')).toEqual(['refs/heads/main', 'refs/heads/old', 'refs/heads/side', 'refs/tags/v1']);
    expect(readFileSync(join(repo, 'side.txt'), 'utf8')).toBe('side\n');
  });
});
