import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNear, landmarksOf, unescapedQuote } from '../../../src/engine/decoding/landmarks.js';

// The landmark answers against the straightforward character-by-character scans they replace.

function naiveIsNear(text: string, chars: string, at: number, reach: number): boolean {
  for (let i = at; i < text.length && i - at < reach; i++) {
    if (text[i] === '\n') break;
    if (chars.includes(text[i] as string)) return true;
  }
  for (let i = at - 1; i >= 0 && at - i < reach; i--) {
    if (text[i] === '\n') break;
    if (chars.includes(text[i] as string)) return true;
  }
  return false;
}

function naiveQuote(text: string, from: number, step: -1 | 1, reach: number): number {
  for (let i = from; i >= 0 && i < text.length && Math.abs(i - from) <= reach; i += step) {
    if (text[i] === '\n') return -1;
    if (text[i] === '"') {
      let slashes = 0;
      for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) slashes++;
      if (slashes % 2 === 0) return i;
    }
  }
  return -1;
}

const texts = fc.array(fc.constantFrom('a', 'b', '\\', '%', '"', '\n', ' '), { maxLength: 200 }).map((chars) => chars.join(''));

describe('landmarks', () => {
  it('answer as the character scans do, for offsets asked in any order', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.nat(), { maxLength: 40 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), (text, picks, reach, isSorted) => {
        if (text.length === 0) return;
        const offsets = picks.map((p) => p % text.length);
        if (isSorted) offsets.sort((a, b) => a - b);
        const marks = landmarksOf(text);
        for (const at of offsets) {
          expect(isNear(marks, marks.backslashes, at, reach)).toBe(naiveIsNear(text, '\\', at, reach));
          expect(isNear(marks, marks.percents, at, reach)).toBe(naiveIsNear(text, '%', at, reach));
          expect(unescapedQuote(text, marks, at - 1, -1, reach)).toBe(naiveQuote(text, at - 1, -1, reach));
          expect(unescapedQuote(text, marks, at, 1, reach)).toBe(naiveQuote(text, at, 1, reach));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
