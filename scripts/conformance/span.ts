import type { Finding } from '../../src/findings/index.js';

/** The part of a Finding that locates it in the scanned text. */
export type FindingPlace = Pick<Finding, 'startLine' | 'startColumn' | 'endLine' | 'endColumn'>;

/** A half-open range `[start, end)` of UTF-16 offsets into a text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Offsets (0-based) at which each line of `text` begins. Lines end at `\n` only, as in the
 * engine's line index; a `\r` before it belongs to the line.
 */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** Converts a 1-based line and 1-based UTF-16 column back to an offset in the text. */
export function offsetAt(lineStarts: readonly number[], line: number, column: number): number {
  const start = lineStarts[line - 1] ?? lineStarts[lineStarts.length - 1] ?? 0;
  return start + column - 1;
}

/** The text range a finding covers (its end column is exclusive). */
export function spanOf(lineStarts: readonly number[], place: FindingPlace): Span {
  return {
    start: offsetAt(lineStarts, place.startLine, place.startColumn),
    end: offsetAt(lineStarts, place.endLine, place.endColumn),
  };
}

/** Every occurrence of `needle` in `text`, overlapping ones included. */
export function occurrencesOf(text: string, needle: string): Span[] {
  const found: Span[] = [];
  if (needle === '') return found;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    found.push({ start: at, end: at + needle.length });
  }
  return found;
}

/** Whether two half-open ranges share at least one character. */
export function isOverlapping(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Whether any finding overlaps any occurrence of `secret` in `text`. With a null secret (its exact
 * place unknown), any finding counts.
 */
export function hasFindingOnSecret(text: string, secret: string | null, places: readonly FindingPlace[]): boolean {
  if (places.length === 0) return false;
  if (secret === null) return true;
  const lineStarts = lineStartsOf(text);
  const targets = occurrencesOf(text, secret);
  return places.some((place) => {
    const span = spanOf(lineStarts, place);
    return targets.some((target) => isOverlapping(span, target));
  });
}
