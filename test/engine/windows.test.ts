import { describe, expect, it } from 'vitest';
import { LINE_REACH, lineStartNear, windowsAround } from '../../src/engine/windows.js';

describe('lineStartNear', () => {
  it('finds the start of the line, at most LINE_REACH back', () => {
    expect(lineStartNear('ab\ncd key', 6)).toBe(3);
    expect(lineStartNear('key', 0)).toBe(0);
    const long = 'x'.repeat(LINE_REACH * 3);
    expect(lineStartNear(long, LINE_REACH * 2)).toBe(LINE_REACH);
  });
});

describe('windowsAround', () => {
  it('covers each hit line, widens it on long lines, and merges overlaps', () => {
    const text = 'a key b\nno\nc key d key';
    expect(windowsAround(text, [0, 2, 5, 11, 13, 21], false)).toEqual([
      { start: 0, end: 7 },
      { start: 11, end: 22 },
    ]);
    expect(windowsAround(text, [0, 2, 5], true)).toEqual([{ start: 0, end: text.length }]);
  });
});
