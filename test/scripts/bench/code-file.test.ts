import { describe, expect, it } from 'vitest';
import { createCodeFile, flavourOf, plantLines, removePinned, spliceLines, textOf, type CodeFile } from '../../../scripts/bench/code-file.js';
import { createRandom } from '../../../scripts/bench/prng.js';

const fileOf = (count: number, pinned?: { start: number; count: number }): CodeFile => ({
  path: 'a.ts',
  flavour: 'code',
  lines: Array.from({ length: count }, (_, i) => `l${i}`),
  ...(pinned === undefined ? {} : { pinned }),
});

describe('spliceLines', () => {
  it('replaces lines like Array.splice when nothing is pinned', () => {
    const file = fileOf(5);
    spliceLines(file, 1, 2, ['x']);
    expect(file.lines).toEqual(['l0', 'x', 'l3', 'l4']);
  });

  it('shifts the pin when editing above it and never deletes into it', () => {
    const file = fileOf(6, { start: 3, count: 2 });
    spliceLines(file, 2, 3, ['x', 'y']);
    expect(file.lines).toEqual(['l0', 'l1', 'x', 'y', 'l3', 'l4', 'l5']);
    expect(file.pinned).toEqual({ start: 4, count: 2 });
  });

  it('moves an edit inside the pin to just after it', () => {
    const file = fileOf(6, { start: 1, count: 3 });
    spliceLines(file, 2, 1, ['x']);
    expect(file.lines).toEqual(['l0', 'l1', 'l2', 'l3', 'x', 'l5']);
    expect(file.pinned).toEqual({ start: 1, count: 3 });
  });

  it('clamps edits past the end', () => {
    const file = fileOf(2);
    spliceLines(file, 9, 9, ['x']);
    expect(file.lines).toEqual(['l0', 'l1', 'x']);
  });
});

describe('plantLines and removePinned', () => {
  it('insert pinned lines, report their 1-based line, and take them out again', () => {
    const file = fileOf(4);
    const line = plantLines(createRandom(1), file, ['s1', 's2']);
    expect(file.lines.slice(line - 1, line + 1)).toEqual(['s1', 's2']);
    expect(() => plantLines(createRandom(1), file, ['again'])).toThrow(/already/);
    removePinned(file);
    expect(file.lines).toEqual(fileOf(4).lines);
    expect(file.pinned).toBeUndefined();
  });
});

describe('createCodeFile', () => {
  it('is deterministic and about the size asked for', () => {
    const a = createCodeFile(createRandom(2), 'src/x.ts', 5000);
    expect(textOf(a)).toBe(textOf(createCodeFile(createRandom(2), 'src/x.ts', 5000)));
    expect(textOf(a).length).toBeGreaterThanOrEqual(5000);
    expect(textOf(a).length).toBeLessThan(5500);
    expect(textOf({ ...a, lines: [] })).toBe('');
  });

  it('takes the flavour from the extension', () => {
    expect([flavourOf('a.json'), flavourOf('b.yaml'), flavourOf('.env'), flavourOf('c.md'), flavourOf('d.go')]).toEqual(['json', 'config', 'config', 'prose', 'code']);
  });
});
