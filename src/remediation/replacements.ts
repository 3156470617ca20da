import { shannonEntropy } from '../engine/index.js';
import type { Finding } from '../findings/index.js';

/** What every replaced value becomes in rewritten history. The scanner treats it as a placeholder. */
export const REPLACEMENT = 'REMOVED-BY-SECRETSCAN';

/** A value replaced as a literal everywhere must be this long and this varied (bits per character). */
const LITERAL_MIN_LENGTH = 12;
const LITERAL_MIN_ENTROPY = 3;

const PEM_BOUNDARY = /^-----(BEGIN|END) [A-Z0-9 ]+-----$/;
const FILTER_REPO_PREFIX = /^(literal|regex|glob):/;
/** The name a value is assigned to, right before it on its line: `KEY=`, `"key": "`, `key: '`. */
const KEY_BEFORE = /([A-Za-z_][A-Za-z0-9_.-]*)["']?[ \t]*(?::|=>?)[ \t]*["']?$/;

/** One secret to purge: its raw values (one per spelling found) and the names it was assigned to. */
export interface ReplacementSecret {
  values: Iterable<string>;
  keys: Iterable<string>;
}

/** The `--replace-text` lines, and how many short values had no name to anchor them (left to the user). */
export interface Replacements {
  lines: string[];
  unanchored: number;
}

/** The names a secret is assigned to, read from its findings' redacted context lines. */
export function keyNamesOf(findings: Iterable<Finding>): string[] {
  const keys = new Set<string>();
  for (const finding of findings) {
    const at = finding.context.indexOf(finding.preview);
    const key = at === -1 ? undefined : KEY_BEFORE.exec(finding.context.slice(0, at))?.[1];
    if (key !== undefined) keys.add(key);
  }
  return [...keys].sort();
}

/** The spellings a value is stored under in files: as is, base64, %-encoded, JSON-escaped. */
function encodedForms(value: string): string[] {
  const forms = new Set([value, Buffer.from(value, 'utf8').toString('base64')]);
  const percent = encodeURIComponent(value);
  if (percent !== value) forms.add(percent);
  const json = JSON.stringify(value).slice(1, -1);
  if (json !== value) forms.add(json);
  return [...forms];
}

/** Escapes a value for a Python regular expression (git filter-repo's `regex:` lines). */
function escapePython(text: string): string {
  return text.replace(/[^A-Za-z0-9_\u0080-\uffff]/g, (char) => `\\${char}`);
}

function isSafeLiteral(value: string): boolean {
  return value.length >= LITERAL_MIN_LENGTH && shannonEntropy(value) >= LITERAL_MIN_ENTROPY;
}

/** A `regex:` line that replaces `value` only where it is assigned to `key`, keeping the key. */
function anchoredLine(value: string, key: string): string {
  const pattern = `(?<![A-Za-z0-9_])(${escapePython(key)}["']?[ \\t]*(?::|=>?)[ \\t]*["']?)${escapePython(value)}(?![A-Za-z0-9_])`;
  return `regex:${pattern}==>\\1${REPLACEMENT}`;
}

/**
 * The `git filter-repo --replace-text` input that removes exactly these secrets from history.
 * Each value is written in every spelling it may be stored under (as is, base64, %-encoded,
 * JSON-escaped). A spelling long and varied enough to be unique is replaced as a literal
 * everywhere; a short or plain one (`dev`, `admin`) would also hit unrelated text
 * (`"devDependencies"`), so it is replaced only where it is assigned to one of the names it was
 * found under (a `regex:` line anchored to the name; the name stays). A short value found under no
 * name is counted in `unanchored` and left for the user to fix by hand. A multi-line value (a PEM
 * key) contributes its body lines. Literal lines come longest first, so a value that contains
 * another is replaced whole.
 */
export function replacementLines(secrets: Iterable<ReplacementSecret>): Replacements {
  const literals = new Set<string>();
  const anchored = new Set<string>();
  let unanchored = 0;
  for (const secret of secrets) {
    const keys = [...secret.keys];
    for (const value of secret.values) {
      const parts = value.includes('\n')
        ? value
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => line.length >= 8 && !PEM_BOUNDARY.test(line))
        : encodedForms(value);
      for (const part of parts) {
        if (part.length === 0 || part.includes('==>')) continue;
        if (isSafeLiteral(part) || value.includes('\n')) literals.add(part);
        else if (keys.length === 0) unanchored++;
        else for (const key of keys) anchored.add(anchoredLine(part, key));
      }
    }
  }
  const literalLines = [...literals].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).map((value) => `${FILTER_REPO_PREFIX.test(value) ? 'literal:' : ''}${value}==>${REPLACEMENT}`);
  return { lines: [...literalLines, ...[...anchored].sort()], unanchored };
}
