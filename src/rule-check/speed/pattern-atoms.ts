/** A character class, escape or `.` that a pattern repeats, e.g. `[A-Za-z0-9_-]` in `[A-Za-z0-9_-]{20,}`. */
export interface RepeatedClass {
  /** The atom's source, usable inside a RegExp on its own (`[A-Z]`, `\s`, `.`). */
  source: string;
  /** The quantifier's maximum; Infinity for `*`, `+` and `{n,}`. */
  max: number;
}

/** What the adversarial inputs are built from: the pattern's literal runs and repeated classes. */
export interface PatternAtoms {
  /** Runs of literal characters, in pattern order, without duplicates (`sk_`, `live`, `://`). */
  literals: string[];
  /** Classes under a quantifier, in pattern order, without duplicates. */
  classes: RepeatedClass[];
}

const CLASS_ESCAPES = 'dDwWsS';
const CONTROL_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
const QUANTIFIER = /^(?:[*+?]|\{(\d+)(,(\d*))?\})/;

/** The quantifier's maximum at `source[at]`, and its length; undefined when none starts there. */
function quantifierAt(source: string, at: number): { max: number; length: number } | undefined {
  const m = QUANTIFIER.exec(source.slice(at, at + 24));
  if (m === null) return undefined;
  const lazy = source[at + m[0].length] === '?' ? 1 : 0;
  if (m[0] === '?') return { max: 1, length: 1 + lazy };
  if (m[0] === '*' || m[0] === '+') return { max: Infinity, length: 1 + lazy };
  const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
  return { max, length: m[0].length + lazy };
}

/** End (exclusive) of the class starting at `source[at] === '['`. */
function classEnd(source: string, at: number): number {
  for (let i = at + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i + 1;
  }
  return source.length;
}

/** One atom at `at`: its end, and either a literal character or a class source (or neither). */
function atomAt(source: string, at: number): { end: number; literal?: string; cls?: string } {
  const c = source[at] as string;
  if (c === '[') {
    const end = classEnd(source, at);
    return { end, cls: source.slice(at, end) };
  }
  if (c === '.') return { end: at + 1, cls: '.' };
  if (c !== '\\') return '()|^$'.includes(c) ? { end: at + 1 } : { end: at + 1, literal: c };
  const e = source[at + 1] ?? '';
  if (CLASS_ESCAPES.includes(e)) return { end: at + 2, cls: `\\${e}` };
  if (e === 'k' && source[at + 2] === '<') return { end: source.indexOf('>', at) + 1 || source.length };
  if (e === 'x') return { end: at + 4, literal: String.fromCharCode(parseInt(source.slice(at + 2, at + 4), 16)) };
  if (e === 'u') return { end: at + 6, literal: String.fromCharCode(parseInt(source.slice(at + 2, at + 6), 16)) };
  if (e === 'c') return { end: at + 3 };
  if (/[1-9bB]/.test(e)) return { end: at + 2 };
  return { end: at + 2, literal: CONTROL_ESCAPES[e] ?? e };
}

/** Length of a group opener at `at` (`(`, `(?:`, `(?=`, `(?<!`, `(?<name>`). */
function groupOpenerLength(source: string, at: number): number {
  if (source[at + 1] !== '?') return 1;
  if (source[at + 2] === '<' && source[at + 3] !== '=' && source[at + 3] !== '!') return source.indexOf('>', at) + 1 - at || 1;
  return source[at + 2] === '<' ? 4 : 3;
}

/** The class an atom stands for: its class source, or a one-character class for a literal. */
function classOf(atom: { literal?: string; cls?: string }): string | undefined {
  if (atom.cls !== undefined) return atom.cls;
  return atom.literal === undefined ? undefined : `[${atom.literal.replace(/[\\\]^-]/g, '\\$&')}]`;
}

/**
 * Reads a JavaScript RegExp source (no `u` flag) just far enough to list its literal runs and
 * the classes it repeats, directly (`[a-z]+`) or inside a repeated group (`(?:\w\s?)+`). Not a
 * validator: the pattern has already compiled.
 */
export function scanPatternAtoms(source: string): PatternAtoms {
  const literals = new Set<string>();
  const atoms: RepeatedClass[] = [];
  const groupStarts: number[] = [];
  let run = '';
  const endRun = (): void => {
    if (run.length > 0) literals.add(run);
    run = '';
  };
  for (let at = 0; at < source.length; ) {
    if (source[at] === '(') {
      endRun();
      groupStarts.push(atoms.length);
      at += groupOpenerLength(source, at);
      continue;
    }
    const atom = atomAt(source, at);
    const quantifier = quantifierAt(source, atom.end);
    const max = quantifier?.max ?? 1;
    if (source[at] === ')') {
      for (const inner of atoms.slice(groupStarts.pop() ?? atoms.length)) inner.max *= max;
    } else if (quantifier === undefined && atom.literal !== undefined) {
      run += atom.literal;
    }
    if (quantifier !== undefined || atom.literal === undefined) endRun();
    const cls = classOf(atom);
    if (cls !== undefined) atoms.push({ source: cls, max });
    at = atom.end + (quantifier?.length ?? 0);
  }
  endRun();
  const classes = new Map<string, RepeatedClass>();
  for (const atom of atoms.filter((a) => a.max >= 2)) {
    classes.set(atom.source, { source: atom.source, max: Math.max(atom.max, classes.get(atom.source)?.max ?? 0) });
  }
  return { literals: [...literals], classes: [...classes.values()] };
}
