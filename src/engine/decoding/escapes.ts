/** Longest string or token looked at around a keyword hit for escapes. */
const MAX_ESCAPED = 4 * 1024;

/**
 * The JSON string literal holding `at` when it contains backslash escapes, decoded: a
 * service-account file's `"private_key": "-----BEGIN PRIVATE KEY-----\nMII…"` or a JSON document
 * stored as a string (`"{\"api_key\": \"…\"}"`). Returns the literal's span with its quotes.
 */
export function jsonStringAround(text: string, at: number): { start: number; end: number; decoded: string } | undefined {
  const open = unescapedQuote(text, at - 1, -1);
  const close = open === -1 ? -1 : unescapedQuote(text, at, 1);
  if (close === -1) return undefined;
  const literal = text.slice(open, close + 1);
  if (!literal.includes('\\')) return undefined;
  try {
    const decoded: unknown = JSON.parse(literal);
    return typeof decoded === 'string' && decoded !== literal.slice(1, -1) ? { start: open, end: close + 1, decoded } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first `"` not escaped by a backslash, looking from `from` in direction `step` (-1 or 1) on
 * the same line and at most MAX_ESCAPED characters away; -1 when there is none.
 */
function unescapedQuote(text: string, from: number, step: -1 | 1): number {
  for (let i = from; i >= 0 && i < text.length && Math.abs(i - from) <= MAX_ESCAPED; i += step) {
    const code = text.charCodeAt(i);
    if (code === 10) return -1;
    if (code === 34 && !isEscaped(text, i)) return i;
  }
  return -1;
}

/** Whether the character at `i` is preceded by an odd number of backslashes. */
function isEscaped(text: string, i: number): boolean {
  let count = 0;
  for (let j = i - 1; j >= 0 && text.charCodeAt(j) === 92; j--) count++;
  return count % 2 === 1;
}

const URL_ESCAPE = /%[0-9A-Fa-f]{2}/;

function isTokenChar(code: number): boolean {
  // Not whitespace, quotes, angle brackets or backticks: the edges of a URL or a value.
  return code > 32 && code !== 34 && code !== 39 && code !== 60 && code !== 62 && code !== 96 && code !== 127;
}

/** The whitespace- and quote-delimited token holding `at`, percent-decoded, when it has %XX escapes. */
export function urlEncodedAround(text: string, at: number): { start: number; end: number; decoded: string } | undefined {
  let start = at;
  while (start > 0 && at - start < MAX_ESCAPED && isTokenChar(text.charCodeAt(start - 1))) start--;
  let end = at;
  while (end < text.length && end - at < MAX_ESCAPED && isTokenChar(text.charCodeAt(end))) end++;
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
