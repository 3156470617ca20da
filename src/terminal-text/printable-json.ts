// JSON.stringify escapes C0 controls itself but leaves DEL, C1 controls, line/paragraph separators
// and bidi overrides raw; these are written as \uXXXX escapes, which decode to the same value.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A value as pretty-printed JSON (with a final newline) that is safe to print to a terminal:
 * every control or bidi character is an escape, and parsing it gives back exactly `value`.
 */
export function printableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
