/** The marker that suppresses every finding on its line. */
export const INLINE_ALLOW_MARKER = 'secretscan:allow';

/** Whether a line of scanned text carries the inline allow marker. */
export function hasInlineAllowMarker(line: string): boolean {
  return line.includes(INLINE_ALLOW_MARKER);
}
