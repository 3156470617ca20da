import { isUtf8 } from 'node:buffer';

/**
 * Words whose base64 form starts a decode: a base64 value is decoded and scanned again only when
 * it visibly encodes one of these (PEM headers, secret-named keys, common token prefixes). The
 * keyword automaton finds their encoded forms in the same pass as the rule keywords, so text
 * without them costs nothing extra.
 */
export const BASE64_TRIGGER_WORDS: readonly string[] = [
  '-----BEGIN',
  'PRIVATE KEY',
  'password',
  'passwd',
  'secret',
  'token',
  'api_key',
  'apikey',
  'api-key',
  'access_key',
  'accessKey',
  'client_secret',
  'credential',
  'aws_access',
  'sk_live_',
  'github_pat_',
  'glpat-',
  'xoxb-',
  'xoxp-',
  '"auth"',
  'Authorization',
  'mongodb',
  'postgres',
  'mysql://',
  'redis://',
];

/** Shortest encoded fragment used as a trigger: shorter ones turn up by chance. */
const MIN_FRAGMENT = 6;
/** Shortest base64 run worth decoding (12 bytes). */
export const MIN_BASE64_RUN = 16;
/** Longest base64 run decoded (bytes of text); longer runs are data, not a value. */
const MAX_BASE64_RUN = 64 * 1024;

/**
 * The parts of `word`'s base64 encoding that do not depend on the bytes around it, at each of
 * the three alignments the word can have inside an encoded value.
 */
export function base64Fragments(word: string): string[] {
  const fragments: string[] = [];
  const bytes = Buffer.from(word, 'utf8');
  for (let skip = 0; skip < 3; skip++) {
    const encoded = Buffer.concat([Buffer.alloc(skip), bytes]).toString('base64');
    // Characters mixing prefix bytes (the first group) or padding (the last, partial group) vary.
    const start = skip === 0 ? 0 : skip + 1;
    const end = Math.floor((skip + bytes.length) / 3) * 4;
    const fragment = encoded.slice(start, end);
    if (fragment.length >= MIN_FRAGMENT) fragments.push(fragment);
  }
  return fragments;
}

function isBase64Char(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47 || code === 45 || code === 95;
}

/** The base64 run (standard or URL alphabet, with its `=` padding) around `at`, as [start, end). */
export function base64RunAround(text: string, at: number): [number, number] {
  let start = at;
  while (start > 0 && at - start < MAX_BASE64_RUN && isBase64Char(text.charCodeAt(start - 1))) start--;
  let end = at;
  while (end < text.length && end - at < MAX_BASE64_RUN && isBase64Char(text.charCodeAt(end))) end++;
  while (end < text.length && end - start < MAX_BASE64_RUN && text.charCodeAt(end) === 61 /* = */) end++;
  return [start, end];
}

/** Printable text (tabs and line breaks allowed): decoded binary such as a DER key body is not. */
function isPrintable(text: string): boolean {
  let printable = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 32 || code === 9 || code === 10 || code === 13) printable++;
  }
  return printable >= text.length * 0.95;
}

/** Base64 (either alphabet) decoded to text, or undefined when the bytes are not printable UTF-8. */
export function base64ToText(encoded: string): string | undefined {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length === 0 || !isUtf8(bytes)) return undefined;
  const decoded = bytes.toString('utf8');
  return isPrintable(decoded) ? decoded : undefined;
}

/**
 * Decodes the base64 value at [start, end) of `text`, or undefined when it is not one: too short,
 * binary, not UTF-8, or a segment of a dotted token (a JWT's parts are base64url; the JWT rules
 * read those).
 */
export function decodeBase64Value(text: string, start: number, end: number): string | undefined {
  if (end - start < MIN_BASE64_RUN) return undefined;
  if (text.charCodeAt(start - 1) === 46 || text.charCodeAt(end) === 46) return undefined;
  return base64ToText(text.slice(start, end));
}
