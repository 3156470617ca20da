/** Printable runs shorter than this are not kept (as `strings` does by default with 4; 8 cuts the noise of binary data). */
export const MIN_RUN_LENGTH = 8;

/** A stretch of printable text inside binary bytes. */
export interface PrintableRun {
  /** 0-based byte offset of the run's first character. */
  offset: number;
  text: string;
  /** Bytes per character: 1 for ASCII, 2 for UTF-16LE. */
  unit: 1 | 2;
}

// Printable ASCII and tab: what `strings` keeps. Line breaks end a run (a run is one line of text).
function isPrintable(byte: number): boolean {
  return (byte >= 0x20 && byte <= 0x7e) || byte === 0x09;
}

function asciiRuns(bytes: Uint8Array, runs: PrintableRun[]): void {
  let start = -1;
  for (let at = 0; at <= bytes.length; at++) {
    if (at < bytes.length && isPrintable(bytes[at] as number)) {
      if (start === -1) start = at;
      continue;
    }
    if (start !== -1 && at - start >= MIN_RUN_LENGTH) runs.push({ offset: start, text: Buffer.from(bytes.buffer, bytes.byteOffset + start, at - start).toString('latin1'), unit: 1 });
    start = -1;
  }
}

// UTF-16LE text of ASCII characters: each printable byte followed by a zero byte, at either alignment.
function utf16Runs(bytes: Uint8Array, runs: PrintableRun[]): void {
  for (const alignment of [0, 1]) {
    let start = -1;
    let at = alignment;
    for (; at + 1 < bytes.length; at += 2) {
      if (bytes[at + 1] === 0 && isPrintable(bytes[at] as number)) {
        if (start === -1) start = at;
        continue;
      }
      if (start !== -1) addUtf16Run(bytes, start, at, runs);
      start = -1;
    }
    if (start !== -1) addUtf16Run(bytes, start, at, runs);
  }
}

function addUtf16Run(bytes: Uint8Array, start: number, end: number, runs: PrintableRun[]): void {
  if ((end - start) / 2 < MIN_RUN_LENGTH) return;
  runs.push({ offset: start, text: Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf16le'), unit: 2 });
}

/**
 * The printable runs of binary bytes, like `strings -e s` and `strings -e l` together: runs of at
 * least MIN_RUN_LENGTH printable ASCII characters, and of UTF-16LE characters in the ASCII range
 * (Windows resources, .NET strings), ordered by offset.
 */
export function printableRuns(bytes: Uint8Array): PrintableRun[] {
  const runs: PrintableRun[] = [];
  asciiRuns(bytes, runs);
  utf16Runs(bytes, runs);
  return runs.sort((a, b) => a.offset - b.offset);
}

/**
 * Where each byte offset sits if the bytes are read as lines: a 1-based line (line feeds before
 * it, plus one) and a 1-based column in bytes. One walk over the bytes serves every offset.
 */
export function lineColumnsOfBytes(bytes: Uint8Array, offsets: readonly number[]): Map<number, { line: number; column: number }> {
  const places = new Map<number, { line: number; column: number }>();
  let line = 1;
  let lineStart = 0;
  let at = 0;
  for (const offset of [...new Set(offsets)].sort((a, b) => a - b)) {
    for (; at < offset; at++) {
      if (bytes[at] === 0x0a) {
        line++;
        lineStart = at + 1;
      }
    }
    places.set(offset, { line, column: offset - lineStart + 1 });
  }
  return places;
}
