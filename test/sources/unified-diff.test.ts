import { describe, expect, it } from 'vitest';
import { unquoteGitPath, UnifiedDiffParser, type DiffEvent } from '../../src/sources/index.js';

function parse(text: string): DiffEvent[] {
  const parser = new UnifiedDiffParser();
  return [...text.split('\n').flatMap((line) => parser.line(line)), ...parser.end()];
}

describe('UnifiedDiffParser', () => {
  it('yields runs of added lines with their new-file line numbers', () => {
    const diff = ['diff --git a/app.env b/app.env', 'index 1..2 100644', '--- a/app.env', '+++ b/app.env', '@@ -2,0 +3,2 @@', '+A=1', '+B=2', '@@ -9 +11 @@ section', '-old', '+new', '\\ No newline at end of file'].join('\n');
    expect(parse(diff)).toEqual([
      { kind: 'added', path: 'app.env', startLine: 3, lines: ['A=1', 'B=2'] },
      { kind: 'added', path: 'app.env', startLine: 11, lines: ['new'] },
    ]);
  });

  it('follows renames, ignores deletions and reports binary files', () => {
    const diff = [
      'diff --git a/old name.txt b/new name.txt',
      'similarity index 90%',
      'rename from old name.txt',
      'rename to new name.txt',
      '--- a/old name.txt\t',
      '+++ b/new name.txt\t',
      '@@ -1,0 +2 @@',
      '+x',
      'diff --git a/gone.txt b/gone.txt',
      'deleted file mode 100644',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
      'diff --git a/img.png b/img.png',
      'new file mode 100644',
      'index 0000..ab12',
      'Binary files /dev/null and b/img.png differ',
      'diff --git a/conf.cfg b/conf.cfg',
      'Binary files a/conf.cfg and b/conf.cfg differ',
    ].join('\n');
    expect(parse(diff)).toEqual([
      { kind: 'moved', path: 'new name.txt', fromPath: 'old name.txt' },
      { kind: 'added', path: 'new name.txt', startLine: 2, lines: ['x'] },
      { kind: 'binary', path: 'img.png', parentBlobs: ['0000'], blob: 'ab12' },
      { kind: 'binary', path: 'conf.cfg', parentBlobs: [] },
    ]);
  });

  it('reports copies with their source, and the parent blobs of a merge', () => {
    const diff = ['diff --git a/"q\\"uote.txt" b/copy.txt', 'similarity index 100%', 'copy from "q\\"uote.txt"', 'copy to copy.txt', 'diff --cc data.cfg', 'index 11,22..33', 'Binary files differ'].join('\n');
    expect(parse(diff)).toEqual([
      { kind: 'moved', path: 'copy.txt', fromPath: 'q"uote.txt' },
      { kind: 'binary', path: 'data.cfg', parentBlobs: ['11', '22'], blob: '33' },
    ]);
  });

  it('keeps only lines a merge introduced itself in a combined diff', () => {
    const diff = ['diff --cc merged.txt', 'index 1,2..3', '--- a/merged.txt', '+++ b/merged.txt', '@@@ -1,0 -1,0 +1,3 @@@', ' +from second parent', '+ from first parent', '++evil line', '++evil two'].join('\n');
    expect(parse(diff)).toEqual([{ kind: 'added', path: 'merged.txt', startLine: 3, lines: ['evil line', 'evil two'] }]);
  });

  it('treats content lines that look like headers as content', () => {
    const diff = ['diff --git a/x.md b/x.md', '--- a/x.md', '+++ b/x.md', '@@ -0,0 +1,2 @@', '++++ b/not-a-header', '+diff --git a/y b/y'].join('\n');
    expect(parse(diff)).toEqual([{ kind: 'added', path: 'x.md', startLine: 1, lines: ['+++ b/not-a-header', 'diff --git a/y b/y'] }]);
  });
});

describe('unquoteGitPath', () => {
  it.each([
    ['"b/new\\nline.txt"', 'b/new\nline.txt'],
    ['"b/tab\\there"', 'b/tab\there'],
    ['"b/q\\"uote\\\\"', 'b/q"uote\\'],
    ['"b/\\303\\274ber"', 'b/über'],
    ['b/with space.txt\t', 'b/with space.txt'],
    ['b/ünï.txt', 'b/ünï.txt'],
  ])('%s', (quoted, path) => {
    expect(unquoteGitPath(quoted)).toBe(path);
  });
});
