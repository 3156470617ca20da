import { describe, expect, it } from 'vitest';
import { directoryUriOf, relativeUriOf } from '../../../src/reporters/sarif/uri.js';

describe('relativeUriOf', () => {
  it.each([
    ['src/app.ts', 'src/app.ts'],
    ['deploy/prod env/.env', 'deploy/prod%20env/.env'],
    ['docs/café/naïve notes.md', 'docs/caf%C3%A9/na%C3%AFve%20notes.md'],
    ['a#b?c%d.txt', 'a%23b%3Fc%25d.txt'],
    ['c:notes.txt', 'c%3Anotes.txt'],
    ['emoji/🔑.txt', 'emoji/%F0%9F%94%91.txt'],
  ])('%s -> %s', (path, uri) => {
    expect(relativeUriOf(path)).toBe(uri);
    expect(decodeURIComponent(uri)).toBe(path);
  });
});

describe('directoryUriOf', () => {
  it.each([
    ['/repo', 'file:///repo/'],
    ['/repo/', 'file:///repo/'],
    ['/home/zoë/my repo', 'file:///home/zo%C3%AB/my%20repo/'],
    ['C:\\work\\my repo', 'file:///C:/work/my%20repo/'],
    ['D:/src', 'file:///D:/src/'],
  ])('%s -> %s', (root, uri) => {
    expect(directoryUriOf(root)).toBe(uri);
  });
});
