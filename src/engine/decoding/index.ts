import { base64RunAround, decodeBase64Value } from './base64.js';
import { decodeJsonLiteral, decodeUrlToken, jsonStringBounds, MAX_ESCAPED, urlTokenBounds } from './escapes.js';
import { isNear, landmarksOf } from './landmarks.js';

export { BASE64_TRIGGER_WORDS, base64Fragments } from './base64.js';
export { secretManifestEntries, type SecretDataEntry } from './kubernetes.js';

/** How an encoded span was decoded. */
export type Encoding = 'base64' | 'json-string' | 'url';

/** Decoded text is scanned again, and what that yields again, up to this many layers. */
export const MAX_DECODE_DEPTH = 2;
/** At most this many spans per text are decoded, and at most this many characters in all. */
const MAX_SPANS = 256;
const MAX_DECODED_CHARS = 1024 * 1024;
/**
 * At most this many keyword hits per text are probed for escapes: each probe reads up to a few
 * KiB around its hit, and a minified file can hold hundreds of thousands of hits.
 */
const MAX_ESCAPE_PROBES = 1024;

/** How far each way from a keyword hit its line is looked at for a backslash or a percent sign. */
const ESCAPE_REACH = 4096;
/**
 * A string literal or token around a hit lies within MAX_ESCAPED characters of it: without a
 * backslash (a percent sign) that near on its line, it cannot hold a JSON (URL) escape.
 */
const ESCAPE_SPAN_REACH = MAX_ESCAPED + 2;

/** A span of text that holds other text encoded, with that text. */
export interface EncodedSpan {
  start: number;
  end: number;
  decoded: string;
  encoding: Encoding;
}

/**
 * The encoded spans worth scanning again: base64 runs around the automaton's hits on encoded
 * trigger words, and JSON string literals with escapes or %-encoded tokens around rule keyword
 * hits. Each span once; bounded in count and size.
 */
export function encodedSpans(text: string, base64Hits: readonly number[], keywordHits: readonly number[]): EncodedSpan[] {
  const spans: EncodedSpan[] = [];
  const seen = new Set<string>();
  let budget = MAX_DECODED_CHARS;
  const add = (span: EncodedSpan | undefined): void => {
    if (span === undefined || spans.length >= MAX_SPANS || span.decoded.length > budget) return;
    const key = `${span.start}:${span.end}:${span.encoding}`;
    if (seen.has(key)) return;
    seen.add(key);
    budget -= span.decoded.length;
    spans.push(span);
  };
  for (const at of base64Hits) {
    const [start, end] = base64RunAround(text, at);
    if (seen.has(`${start}:${end}:base64`)) continue;
    const decoded = decodeBase64Value(text, start, end);
    add(decoded === undefined ? undefined : { start, end, decoded, encoding: 'base64' });
  }
  if (keywordHits.length === 0) return spans;
  let probed = 0;
  let coveredUntil = -1;
  const marks = landmarksOf(text);
  for (const at of Float64Array.from(keywordHits).sort()) {
    // Hits inside a span already probed are in the same string or token.
    if (at < coveredUntil) continue;
    const hasBackslash = isNear(marks, marks.backslashes, at, ESCAPE_REACH);
    if (!hasBackslash && !isNear(marks, marks.percents, at, ESCAPE_REACH)) continue;
    if (++probed > MAX_ESCAPE_PROBES) break;
    coveredUntil = at + 1;
    const quotes = hasBackslash || isNear(marks, marks.backslashes, at, ESCAPE_SPAN_REACH) ? jsonStringBounds(text, marks, at) : undefined;
    const json = quotes === undefined ? undefined : decodeJsonLiteral(text, quotes.open, quotes.close);
    add(json === undefined ? undefined : { ...json, encoding: 'json-string' });
    const token = isNear(marks, marks.percents, at, ESCAPE_SPAN_REACH) ? urlTokenBounds(text, at) : undefined;
    const url = token === undefined ? undefined : decodeUrlToken(text, token.start, token.end);
    add(url === undefined ? undefined : { ...url, encoding: 'url' });
    coveredUntil = Math.max(coveredUntil, json?.end ?? 0, url?.end ?? 0);
  }
  return spans;
}
