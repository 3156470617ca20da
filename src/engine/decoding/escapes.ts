import { type Landmarks, unescapedQuote } from './landmarks.js';

/** Longest string or token looked at around a keyword hit for escapes. */
export const MAX_ESCAPED = 4 * 1024;

/**
 * The offsets of the unescaped quotes around `at` on its line (at most MAX_ESCAPED away), or
 * undefined: the JSON string literal holding `at`, such as a service-account file's
 * `"private_key": "-----BEGIN PRIVATE KEY-----\nMII…"` or a JSON document stored as a string
 * (`"{\"api_key\": \"…\"}"`). Every offset from `at` up to `close` is inside the same pair.
 */
export function jsonStringBounds(text: string, marks: Landmarks, at: number): { open: number; close: number } | undefined {
  const open = unescapedQuote(text, marks, at - 1, -1, MAX_ESCAPED);
  const close = open === -1 ? -1 : unescapedQuote(text, marks, at, 1, MAX_ESCAPED);
  return close === -1 ? undefined : { open, close };
}

/** The literal from quote `open` to quote `close` decoded, when it has backslash escapes that change it; the span includes the quotes. */
export function decodeJsonLiteral(text: string, open: number, close: number): { start: number; end: number; decoded: string } | undefined {
  const literal = text.slice(open, close + 1);
  if (!literal.includes('\\')) return undefined;
  try {
    const decoded: unknown = JSON.parse(literal);
    return typeof decoded === 'string' && decoded !== literal.slice(1, -1) ? { start: open, end: close + 1, decoded } : undefined;
  } catch {
    return undefined;
  }
}

const URL_ESCAPE = /%[0-9A-Fa-f]{2}/;

function isTokenChar(code: number): boolean {
  // Not whitespace, quotes, angle brackets or backticks: the edges of a URL or a value.
  return code > 32 && code !== 34 && code !== 39 && code !== 60 && code !== 62 && code !== 96 && code !== 127;
}

/** The whitespace- and quote-delimited token holding `at`, at most MAX_ESCAPED characters each way. */
export function urlTokenBounds(text: string, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && at - start < MAX_ESCAPED && isTokenChar(text.charCodeAt(start - 1))) start--;
  let end = at;
  while (end < text.length && end - at < MAX_ESCAPED && isTokenChar(text.charCodeAt(end))) end++;
  return { start, end };
}

/** The token `[start, end)` percent-decoded, when it has %XX escapes that change it. */
export function decodeUrlToken(text: string, start: number, end: number): { start: number; end: number; decoded: string } | undefined {
  const token = text.slice(start, end);
  if (!URL_ESCAPE.test(token)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // A stray % (e.g. "50%") makes the whole token invalid; decode the valid escapes only.
    decoded = token.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
  return decoded === token ? undefined : { start, end, decoded };
}
