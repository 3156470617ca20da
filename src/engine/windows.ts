/** Longest stretch of a single line searched on each side of a keyword hit. */
const LINE_REACH = 4096;
/** How far past a keyword a multi-line rule (PEM blocks) may match. */
const MULTILINE_REACH = 65536;

/** A half-open range `[start, end)` of the chunk text that a rule's regex runs on. */
export interface Window {
  start: number;
  end: number;
}

function lineStartBefore(text: string, offset: number, floor: number): number {
  const at = text.lastIndexOf('\n', offset - 1);
  return Math.max(at + 1, floor);
}

function lineEndAfter(text: string, offset: number, ceiling: number): number {
  const at = text.indexOf('\n', offset);
  return Math.min(at === -1 ? text.length : at, ceiling);
}

/**
 * The regions a rule must search given its keyword hits: each hit's own line (clipped to
 * LINE_REACH characters either side on very long lines), or for multi-line rules everything
 * up to MULTILINE_REACH past it. Overlapping and touching windows are merged.
 */
export function windowsAround(text: string, hits: readonly number[], isMultiline: boolean): Window[] {
  const windows: Window[] = [];
  for (let i = 0; i < hits.length; i += 2) {
    const hitStart = hits[i] as number;
    const hitEnd = hits[i + 1] as number;
    const start = lineStartBefore(text, hitStart, Math.max(0, hitStart - LINE_REACH));
    const end = isMultiline
      ? Math.min(text.length, hitEnd + MULTILINE_REACH)
      : lineEndAfter(text, hitEnd, Math.min(text.length, hitEnd + LINE_REACH));
    const last = windows[windows.length - 1];
    if (last !== undefined && start <= last.end + 1) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}
