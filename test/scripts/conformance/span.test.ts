import { describe, expect, it } from 'vitest';
import { hasFindingOnSecret, lineStartsOf, occurrencesOf, spanOf } from '../../../scripts/conformance/span.js';

const place = (startLine: number, startColumn: number, endLine: number, endColumn: number) => ({ startLine, startColumn, endLine, endColumn });

describe('spanOf', () => {
  it('maps 1-based line/column (end exclusive) back to offsets, across lines', () => {
    const text = 'ab\ncdef\r\ngh';
    const starts = lineStartsOf(text);
    expect(starts).toEqual([0, 3, 9]);
    expect(spanOf(starts, place(2, 2, 2, 4))).toEqual({ start: 4, end: 6 });
    expect(text.slice(4, 6)).toBe('de');
    expect(spanOf(starts, place(1, 2, 3, 2))).toEqual({ start: 1, end: 10 });
  });

  it('counts columns in UTF-16 code units', () => {
    const text = '😀 key';
    expect(spanOf(lineStartsOf(text), place(1, 4, 1, 7))).toEqual({ start: 3, end: 6 });
  });
});

describe('hasFindingOnSecret', () => {
  const text = 'id=SECRET1\nagain SECRET1 here';

  it('accepts a finding on any occurrence of the secret', () => {
    expect(occurrencesOf(text, 'SECRET1')).toHaveLength(2);
    expect(hasFindingOnSecret(text, 'SECRET1', [place(2, 7, 2, 14)])).toBe(true);
  });

  it('accepts a partial overlap but not an adjacent finding', () => {
    expect(hasFindingOnSecret(text, 'SECRET1', [place(1, 1, 1, 5)])).toBe(true);
    expect(hasFindingOnSecret(text, 'SECRET1', [place(1, 1, 1, 4)])).toBe(false);
  });

  it('counts any finding when the secret is unknown, and none without findings', () => {
    expect(hasFindingOnSecret(text, null, [place(1, 1, 1, 2)])).toBe(true);
    expect(hasFindingOnSecret(text, null, [])).toBe(false);
  });
});
