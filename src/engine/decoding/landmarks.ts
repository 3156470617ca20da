/**
 * Where a text's backslashes, percent signs and double quotes are, found once per text with native
 * searches (the quotes only when first asked for), so that questions about the neighbourhood of a
 * keyword hit (is there an escape on its line, which quotes enclose it) cost a few binary searches
 * instead of reading a few KiB around every hit: a minified file holds hundreds of thousands of
 * hits on one long line.
 */
export interface Landmarks {
  text: string;
  backslashes: Int32Array;
  percents: Int32Array;
  quotes: () => Int32Array;
  /** A span without a line break: from `start` up to `end`, a line break's offset or the text's length. */
  line: { start: number; end: number };
}

/** Ascending offsets of every `char` in `text`. */
function offsetsOf(text: string, char: string): Int32Array {
  const offsets: number[] = [];
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) offsets.push(at);
  return Int32Array.from(offsets);
}

export function landmarksOf(text: string): Landmarks {
  let quotes: Int32Array | undefined;
  return { text, backslashes: offsetsOf(text, '\\'), percents: offsetsOf(text, '%'), quotes: () => (quotes ??= offsetsOf(text, '"')), line: { start: 0, end: -1 } };
}

/** The index of the first offset >= `value` (the length when there is none). */
function firstAtLeast(offsets: Int32Array, value: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((offsets[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Whether a line break lies in `[from, to]`. The questions come in order and near each other, so
 * a span known to hold no break (`line`: from `start` up to the break or text end at `end`) is kept
 * and grown: past its end, the next break is searched forward; before its start, backward, and
 * once that reaches the line's start the span covers the whole line. Each stretch of text is
 * searched a bounded number of times however many hits a long line holds.
 */
function hasBreakIn(marks: Landmarks, from: number, to: number): boolean {
  if (from > to) return false;
  const { line, text } = marks;
  if (from > line.end) {
    const end = text.indexOf('\n', from);
    line.start = from;
    line.end = end === -1 ? text.length : end;
  } else if (from < line.start) {
    const before = text.lastIndexOf('\n', line.start - 1);
    if (before >= from) {
      line.start = from;
      line.end = text.indexOf('\n', from);
    } else {
      line.start = before + 1;
    }
  }
  return line.end <= to;
}

/**
 * Whether one of `offsets` lies on the line holding `at`, less than `reach` characters before it
 * or after it (`at` itself included).
 */
export function isNear(marks: Landmarks, offsets: Int32Array, at: number, reach: number): boolean {
  const i = firstAtLeast(offsets, at);
  const after = i < offsets.length ? (offsets[i] as number) : -1;
  if (after !== -1 && after - at < reach && !hasBreakIn(marks, at, after - 1)) return true;
  const before = i > 0 ? (offsets[i - 1] as number) : -1;
  return before !== -1 && at - before < reach && !hasBreakIn(marks, before + 1, at - 1);
}

/** Whether the character at `i` is preceded by an odd number of backslashes. */
function isEscaped(text: string, i: number): boolean {
  let count = 0;
  for (let j = i - 1; j >= 0 && text.charCodeAt(j) === 92; j--) count++;
  return count % 2 === 1;
}

/**
 * The first `"` not escaped by a backslash from `from` in direction `step` (-1 or 1), on the same
 * line and at most `reach` characters away; -1 when there is none.
 */
export function unescapedQuote(text: string, marks: Landmarks, from: number, step: -1 | 1, reach: number): number {
  const quotes = marks.quotes();
  if (step === 1) {
    for (let i = firstAtLeast(quotes, from); i < quotes.length; i++) {
      const quote = quotes[i] as number;
      if (quote - from > reach || hasBreakIn(marks, from, quote - 1)) return -1;
      if (!isEscaped(text, quote)) return quote;
    }
    return -1;
  }
  for (let i = firstAtLeast(quotes, from + 1) - 1; i >= 0; i--) {
    const quote = quotes[i] as number;
    if (from - quote > reach || hasBreakIn(marks, quote + 1, from)) return -1;
    if (!isEscaped(text, quote)) return quote;
  }
  return -1;
}
