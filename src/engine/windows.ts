/** Longest stretch of a single line searched on each side of a keyword hit. */
export const LINE_REACH = 4096;
/** How far past a keyword a multi-line rule (PEM blocks) may match. */
const MULTILINE_REACH = 65536;

/**
 * The start of the line holding offset `at`, looked for at most LINE_REACH back: on a huge
 * single-line file every hit would otherwise search back to the start of the file.
 */
export function lineStartNear(text: string, at: number): number {
  const floor = Math.max(0, at - LINE_REACH);
  return floor + text.slice(floor, at).lastIndexOf('\n') + 1;
}

/** A half-open range `[start, end)` of the chunk text that a rule's regex runs on. */
export interface Window {
  start: number;
  end: number;
}

/**
 * The regions a rule must search, given its keyword hits as one `[lineStart, firstStart, lastEnd]`
 * triple per line, lines in order: the line from the first to the last hit on it (widened by
 * LINE_REACH characters either side, clipped to the line), or for multi-line rules everything up
 * to MULTILINE_REACH past the last hit. Overlapping and touching windows are merged.
 */
export function windowsAround(text: string, hits: readonly number[], isMultiline: boolean): Window[] {
  const windows: Window[] = [];
  // The next line break after the hits seen so far, and how far the text has been searched for
  // it: hits arrive in order, so a line break found once serves every hit before it, and each
  // character is searched once however many hits a long line holds (an indexOf per hit made long
  // lines quadratic).
  let newline = -1;
  let searchedTo = 0;
  for (let i = 0; i < hits.length; i += 3) {
    const lineStart = hits[i] as number;
    const hitStart = hits[i + 1] as number;
    const hitEnd = hits[i + 2] as number;
    let lineEnd = text.length;
    if (!isMultiline) {
      if (newline < hitEnd && searchedTo < text.length) {
        newline = text.indexOf('\n', Math.max(hitEnd, searchedTo));
        searchedTo = newline === -1 ? text.length : newline;
      }
      lineEnd = newline === -1 || newline < hitEnd ? text.length : newline;
    }
    const start = Math.max(lineStart, hitStart - LINE_REACH);
    const end = isMultiline ? Math.min(text.length, hitEnd + MULTILINE_REACH) : Math.min(lineEnd, hitEnd + LINE_REACH);
    const last = windows[windows.length - 1];
    if (last !== undefined && start <= last.end + 1) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}
