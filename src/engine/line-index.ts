/** Maps offsets in a text to 1-based lines and columns (UTF-16 code units), and back to lines. */
export interface LineIndex {
  /** 0-based line number of `offset`. */
  lineOf: (offset: number) => number;
  /** Offset of the first character of 0-based `line`. */
  startOf: (line: number) => number;
  /** The text of 0-based `line` without its line break (a trailing `\r` is dropped). */
  textOf: (line: number) => string;
}

/** Builds the index lazily; only chunks with matches pay for it. */
export function buildLineIndex(text: string): LineIndex {
  const starts: number[] = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  const lineOf = (offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const startOf = (line: number): number => starts[line] ?? text.length;
  const textOf = (line: number): string => {
    const end = line + 1 < starts.length ? (starts[line + 1] as number) - 1 : text.length;
    const raw = text.slice(startOf(line), end);
    return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  };
  return { lineOf, startOf, textOf };
}
