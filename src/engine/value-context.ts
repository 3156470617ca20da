/**
 * Judges a generic rule's value by the text around it: the name it is assigned to, whether it is
 * quoted, the line it sits on. A generic rule knows a credential only by its name, so a value whose
 * surroundings say "this is not a credential" is dropped here rather than in every rule's pattern.
 */

/**
 * Names whose value is an opaque token that grants nothing: pagination cursors, idempotency and
 * change tokens, CSRF tokens, nonces (compared lower-cased, without separators, by suffix).
 */
const OPAQUE_TOKEN_NAMES = [
  'nexttoken',
  'continuationtoken',
  'pagetoken',
  'pagingtoken',
  'paginationtoken',
  'synctoken',
  'changetoken',
  'clientrequesttoken',
  'clienttoken',
  'lifecycleactiontoken',
  'idempotencytoken',
  'idempotencykey',
  'resumetoken',
  'csrftoken',
  'xsrftoken',
  'csrfmiddlewaretoken',
  'authenticitytoken',
  'antiforgerytoken',
  'nonce',
];

/** Source files, where an unquoted value is code (a variable, a type, a call), never a literal. */
const SOURCE_EXTENSIONS = new Set(['js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'py', 'rb', 'go', 'java', 'kt', 'kts', 'scala', 'groovy', 'cs', 'php', 'swift', 'c', 'h', 'cc', 'cpp', 'hpp', 'rs', 'dart', 'lua', 'vue', 'svelte']);

const CREDENTIAL_NAME = /pass|pwd|secret|token|key|cred|auth/i;
const IDENTIFIER_PATH = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*$/;

/** The name a value is assigned to, read backwards from the value's start. */
interface NameBefore {
  name: string;
  /** Offset of the name's first character. */
  start: number;
  /** Whether a quote opened the value. */
  isQuoted: boolean;
}

function isNameChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || code === 45 || code === 46;
}

/** Reads `name` in `name = "value"`, `"name": value`, `name => 'value'` (at most 80 characters back). */
export function nameBefore(text: string, valueStart: number): NameBefore | undefined {
  const floor = Math.max(0, valueStart - 80);
  let i = valueStart - 1;
  let isQuoted = false;
  while (i >= floor && /["'`\\]/.test(text[i] as string)) {
    if (text[i] !== '\\') isQuoted = true;
    i--;
  }
  while (i >= floor && /[ \t:=>!,]/.test(text[i] as string)) i--;
  while (i >= floor && /["'`\]]/.test(text[i] as string)) i--;
  const end = i + 1;
  while (i >= floor && isNameChar(text.charCodeAt(i))) i--;
  if (end === i + 1) return undefined;
  return { name: text.slice(i + 1, end), start: i + 1, isQuoted };
}

const squash = (s: string): string => s.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
const lastSegment = (name: string): string => name.slice(name.lastIndexOf('.') + 1);

/** How far a tuple assignment's line is read around a value: long lines stay linear. */
const TUPLE_REACH = 256;

/** The value's line when it starts within reach (a tuple's names sit near its values), else undefined. */
function lineAround(text: string, start: number): { line: string; offset: number } | undefined {
  let lineStart = start;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) {
    if (start - lineStart >= TUPLE_REACH) return undefined;
    lineStart--;
  }
  let lineEnd = start;
  while (lineEnd < text.length && lineEnd - start < TUPLE_REACH && text.charCodeAt(lineEnd) !== 10) lineEnd++;
  return { line: text.slice(lineStart, lineEnd), offset: start - lineStart };
}

/**
 * The name a value of a tuple assignment (names, `=`, then quoted values) belongs to, by position:
 * the first value is the first name's. Undefined when the line is not a tuple assignment.
 */
export function tupleNameOf(line: string, offset: number): string | undefined {
  const m = /^\s*((?:[A-Za-z_$][\w$.]*\s*,\s*)+[A-Za-z_$][\w$.]*)\s*=\s*(?!=)/.exec(line);
  if (m === null || offset < m[0].length) return undefined;
  const names = (m[1] as string).split(',').map((n) => n.trim());
  let index = 0;
  const quoted = /(["'])(?:\\.|(?!\1)[^\\])*\1/g;
  quoted.lastIndex = m[0].length;
  for (let q = quoted.exec(line); q !== null; q = quoted.exec(line)) {
    if (offset >= q.index && offset < q.index + q[0].length) return names[index];
    index++;
  }
  return undefined;
}

/**
 * An identifier a person wrote (`credentialOrOptions2`, `SensitiveString`, `e.ownPass`), not a
 * random token that happens to be identifier-shaped (`Zx81kQm2Lp9Wr4Tn`): a property access, or
 * words of four letters or more on average with at most two digits.
 */
function isCodeName(value: string): boolean {
  if (!IDENTIFIER_PATH.test(value)) return false;
  if (value.includes('.')) return true;
  const words = value.split(/[^A-Za-z]+|(?<=[a-z])(?=[A-Z])/).filter((w) => w.length > 0);
  const letters = words.reduce((n, w) => n + w.length, 0);
  return words.length > 0 && letters / words.length >= 4 && (value.match(/[0-9]/g)?.length ?? 0) <= 2;
}

/** An unquoted value in code: a name, or the rest of an expression (`===elem.type`, `x=!0`). */
function isCodeExpression(value: string): boolean {
  return /[=!()&|]/.test(value) || isCodeName(value);
}

function isSourcePath(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') && SOURCE_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}

/**
 * Whether the value at `start..end` is, by its surroundings, not a credential: an opaque token
 * (pagination, idempotency, CSRF, a webhook nonce sent with a timestamp and a signature), an enum
 * member whose value is its own name, an unquoted code reference in a source file (a variable, a
 * type annotation, the rest of a comparison), a `secret` inside an ARN, a glob of words
 * (`*all*tokens*updated*`, a chat script's prompt pattern), or the user-name half of a tuple assignment.
 */
export function isNotCredentialInContext(text: string, start: number, end: number, path: string): boolean {
  const value = text.slice(start, end);
  const before = nameBefore(text, start);
  if (before !== undefined) {
    const name = squash(lastSegment(before.name));
    if (OPAQUE_TOKEN_NAMES.some((suffix) => name.endsWith(suffix))) return true;
    if (name === 'token' && isWebhookNonce(text, start, end)) return true;
    if (name === squash(value) && /[A-Z]/.test(value)) return true;
    if (!before.isQuoted && isSourcePath(path) && isCodeExpression(value)) return true;
    if (isInsideArn(text, before.start)) return true;
  }
  if (/^\*?(?:[A-Za-z]+\*){2,}[A-Za-z]*$/.test(value)) return true;
  const around = lineAround(text, start);
  const owner = around === undefined ? undefined : tupleNameOf(around.line, around.offset);
  return owner !== undefined && !CREDENTIAL_NAME.test(owner);
}

/** A `token` next to a `timestamp` and a `signature` (Mailgun-style webhook payloads) is a nonce. */
function isWebhookNonce(text: string, start: number, end: number): boolean {
  const around = text.slice(Math.max(0, start - 300), Math.min(text.length, end + 300)).toLowerCase();
  return around.includes('timestamp') && around.includes('signature');
}

/** `arn:aws:secretsmanager:…:secret:name`: the word `secret` is part of a resource name. */
function isInsideArn(text: string, nameStart: number): boolean {
  if (text[nameStart - 1] !== ':') return false;
  let i = nameStart - 1;
  while (i > 0 && !/[\s"'`=,(]/.test(text[i - 1] as string)) i--;
  return text.startsWith('arn:', i);
}
