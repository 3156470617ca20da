/**
 * A static check for the one shape of regular expression that makes a backtracking engine take
 * exponential time: a quantified part that can match the same text in two different ways, e.g.
 * `(?:xy|x|y)+`, `(?:a|a)*`, `(\w+_?)+`, `(?:[a-z]{1,3})+`. Timing a pattern on inputs built from it
 * (check-speed.ts) finds what its inputs happen to trigger; this finds the whole class, whatever
 * the input, so a pattern is refused before it ever runs.
 *
 * How: the pattern becomes its position (Glushkov) automaton, a state per character class it
 * contains (counted repeats expanded, large ones read as unbounded). A backtracking matcher tries
 * every path of that automaton, so it blows up exactly when some state can go round a loop and
 * come back to itself along two different paths reading the same text (exponential degree of
 * ambiguity). In the product of the automaton with itself that is a pair (q,q) and a pair (p,r),
 * p ≠ r, on one cycle: one strongly connected component of the product holds both.
 *
 * Over-approximations, all on the safe side of the check's purpose: lookarounds, anchors and
 * back-references match the empty string here; with `i`, ASCII letters match both cases; a
 * counted repeat too large to expand reads as `+` or `*`. Polynomial blow-ups (`\w*\w*x`) are left
 * to the timing check and to the matcher's bounded windows.
 */

/** Inclusive UTF-16 code-unit ranges, sorted and merged. */
type CharSet = [number, number][];

type Node = { kind: 'set'; set: CharSet } | { kind: 'seq'; items: Node[] } | { kind: 'alt'; items: Node[] } | { kind: 'repeat'; item: Node; min: number; max: number } | { kind: 'empty' };

const MAX_UNIT = 0xffff;
const EMPTY: Node = { kind: 'empty' };
/** Positions a counted repeat may expand to; beyond this it reads as `+` (or `*` when it may be absent). */
const EXPAND_LIMIT = 96;
/** Positions in one loop above which the product (size squared) is not built. */
const LOOP_LIMIT = 600;

function normalize(ranges: CharSet): CharSet {
  const sorted = ranges.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: CharSet = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function invert(set: CharSet): CharSet {
  const out: CharSet = [];
  let next = 0;
  for (const [a, b] of set) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_UNIT) out.push([next, MAX_UNIT]);
  return out;
}

function intersects(x: CharSet, y: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const [a, b] = x[i] as [number, number];
    const [c, d] = y[j] as [number, number];
    if (b < c) i++;
    else if (d < a) j++;
    else return true;
  }
  return false;
}

const code = (c: string): number => c.charCodeAt(0);
const DIGIT: CharSet = [[48, 57]];
const WORD: CharSet = normalize([
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
]);
const SPACE: CharSet = normalize([
  [9, 13],
  [32, 32],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
const LINE_TERMINATORS: CharSet = normalize([
  [10, 10],
  [13, 13],
  [0x2028, 0x2029],
]);
const CLASS_ESCAPES: Record<string, CharSet> = { d: DIGIT, D: invert(DIGIT), w: WORD, W: invert(WORD), s: SPACE, S: invert(SPACE) };
const CONTROL: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };

/** Adds the other ASCII case of every letter in the set (the `i` flag). */
function foldCase(set: CharSet): CharSet {
  const extra: CharSet = [];
  for (const [a, b] of set) {
    for (const [lo, hi, shift] of [
      [65, 90, 32],
      [97, 122, -32],
    ] as const) {
      const from = Math.max(a, lo);
      const to = Math.min(b, hi);
      if (from <= to) extra.push([from + shift, to + shift]);
    }
  }
  return normalize([...set, ...extra]);
}

/** Thrown for a source the parser does not understand; the caller reports it as not provable. */
class Unparsable extends Error {}

/** A recursive-descent reader of JavaScript RegExp syntax (with and without the `u` flag). */
class Parser {
  private at = 0;
  constructor(
    private readonly source: string,
    private readonly isUnicode: boolean,
  ) {}

  parse(): Node {
    const node = this.alternation();
    if (this.at < this.source.length) throw new Unparsable(`unexpected "${this.source[this.at]}" at ${this.at}`);
    return node;
  }

  private peek(offset = 0): string | undefined {
    return this.source[this.at + offset];
  }

  private alternation(): Node {
    const items = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      items.push(this.sequence());
    }
    return items.length === 1 ? (items[0] as Node) : { kind: 'alt', items };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { kind: 'seq', items };
  }

  /** `{n}`, `{n,}`, `{n,m}` at the cursor, or undefined (then `{` is a literal, as Annex B allows). */
  private braces(): { min: number; max: number; length: number } | undefined {
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.source.slice(this.at, this.at + 32));
    if (m === null) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    return { min, max, length: m[0].length };
  }

  private quantified(atom: Node): Node {
    let node = atom;
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      if (c === '*' || c === '+' || c === '?') {
        this.at++;
        [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
      } else if (c === '{') {
        const braces = this.braces();
        if (braces === undefined) return node;
        this.at += braces.length;
        ({ min, max } = braces);
      } else {
        return node;
      }
      if (this.peek() === '?') this.at++; // lazy: tries the same paths in another order
      node = { kind: 'repeat', item: node, min, max };
    }
  }

  private atom(): Node {
    const c = this.peek() as string;
    if (c === '(') return this.group();
    if (c === '[') return { kind: 'set', set: this.charClass() };
    if (c === '.') {
      this.at++;
      return { kind: 'set', set: invert(LINE_TERMINATORS) };
    }
    if (c === '^' || c === '$') {
      this.at++;
      return EMPTY;
    }
    if (c === '\\') return this.escape();
    if (c === '{' && this.braces() === undefined) {
      this.at++;
      return { kind: 'set', set: [[123, 123]] };
    }
    if (c === '*' || c === '+' || c === '?' || c === '{') throw new Unparsable(`nothing to repeat at ${this.at}`);
    const unit = this.source.charCodeAt(this.at);
    this.at++;
    return { kind: 'set', set: [[unit, unit]] };
  }

  private group(): Node {
    this.at++; // (
    let isLookaround = false;
    if (this.peek() === '?') {
      const next = this.peek(1);
      if (next === ':') this.at += 2;
      else if (next === '=' || next === '!') {
        this.at += 2;
        isLookaround = true;
      } else if (next === '<' && (this.peek(2) === '=' || this.peek(2) === '!')) {
        this.at += 3;
        isLookaround = true;
      } else if (next === '<') {
        const close = this.source.indexOf('>', this.at);
        if (close < 0) throw new Unparsable('unterminated group name');
        this.at = close + 1;
      } else {
        // Modifiers such as (?i:…): read the group, treat it as written.
        const colon = this.source.indexOf(':', this.at);
        if (colon < 0) throw new Unparsable('unknown group syntax');
        this.at = colon + 1;
      }
    }
    const inner = this.alternation();
    if (this.peek() !== ')') throw new Unparsable('unterminated group');
    this.at++;
    return isLookaround ? EMPTY : inner;
  }

  /** One escape outside a class: a class escape, an assertion, a back-reference or a character. */
  private escape(): Node {
    const e = this.peek(1);
    if (e === undefined) throw new Unparsable('trailing backslash');
    if (e === 'b' || e === 'B') {
      this.at += 2;
      return EMPTY;
    }
    if (/[1-9]/.test(e)) {
      this.at += 2;
      while (/[0-9]/.test(this.peek() ?? '')) this.at++;
      return EMPTY;
    }
    if (e === 'k' && this.peek(2) === '<') {
      const close = this.source.indexOf('>', this.at);
      this.at = close < 0 ? this.source.length : close + 1;
      return EMPTY;
    }
    return { kind: 'set', set: this.escapedSet() };
  }

  /** The set an escape stands for (the cursor is on the backslash), inside or outside a class. */
  private escapedSet(isInClass = false): CharSet {
    const e = this.peek(1) as string;
    this.at += 2;
    const cls = CLASS_ESCAPES[e];
    if (cls !== undefined) return cls;
    if ((e === 'p' || e === 'P') && this.isUnicode && this.peek() === '{') {
      const close = this.source.indexOf('}', this.at);
      this.at = close < 0 ? this.source.length : close + 1;
      return [[0, MAX_UNIT]]; // a property: anything, for this check
    }
    if (isInClass && e === 'b') return [[8, 8]];
    if (CONTROL[e] !== undefined && !(e === '0' && /[0-9]/.test(this.peek() ?? ''))) return [[CONTROL[e], CONTROL[e]]];
    if (e === 'c' && /[A-Za-z]/.test(this.peek() ?? '')) {
      const unit = code(this.peek() as string) % 32;
      this.at++;
      return [[unit, unit]];
    }
    if (e === 'x' && /^[0-9A-Fa-f]{2}$/.test(this.source.slice(this.at, this.at + 2))) {
      const unit = parseInt(this.source.slice(this.at, this.at + 2), 16);
      this.at += 2;
      return [[unit, unit]];
    }
    if (e === 'u') {
      if (this.peek() === '{' && this.isUnicode) {
        const close = this.source.indexOf('}', this.at);
        this.at = close < 0 ? this.source.length : close + 1;
        return [[0, MAX_UNIT]];
      }
      if (/^[0-9A-Fa-f]{4}$/.test(this.source.slice(this.at, this.at + 4))) {
        const unit = parseInt(this.source.slice(this.at, this.at + 4), 16);
        this.at += 4;
        return [[unit, unit]];
      }
    }
    if (/[0-7]/.test(e)) {
      // A legacy octal escape (Annex B), e.g. \07 or, in a class, \1.
      let digits = e;
      while (digits.length < 3 && /[0-7]/.test(this.peek() ?? '')) digits += this.source[this.at++];
      const unit = parseInt(digits, 8);
      return [[unit, unit]];
    }
    const unit = code(e);
    return [[unit, unit]];
  }

  private charClass(): CharSet {
    this.at++; // [
    const isNegated = this.peek() === '^';
    if (isNegated) this.at++;
    const ranges: CharSet = [];
    const single = (): { set: CharSet; unit?: number } => {
      if (this.peek() === '\\') {
        const set = this.escapedSet(true);
        return set.length === 1 && set[0]?.[0] === set[0]?.[1] ? { set, unit: set[0]?.[0] as number } : { set };
      }
      const unit = this.source.charCodeAt(this.at++);
      return { set: [[unit, unit]], unit };
    };
    while (this.at < this.source.length && this.peek() !== ']') {
      const from = single();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined && from.unit !== undefined) {
        this.at++;
        const to = single();
        if (to.unit === undefined) ranges.push(...from.set, [45, 45], ...to.set);
        else ranges.push([from.unit, to.unit]);
      } else {
        ranges.push(...from.set);
      }
    }
    if (this.peek() !== ']') throw new Unparsable('unterminated character class');
    this.at++;
    const set = normalize(ranges);
    return isNegated ? invert(set) : set;
  }
}

/**
 * The position automaton: a class per position, and the positions that may follow each, with the
 * constructs (a sequence, a loop) that link them. A backtracking matcher tells those constructs
 * apart: in `(a+)+` the step from `a` back to `a` is the inner loop or the outer one, two paths
 * over the same text, so a link made by two constructs counts twice.
 */
interface Positions {
  sets: CharSet[];
  follow: Map<number, Set<number>>[];
  links: number;
}

interface Built {
  isNullable: boolean;
  first: number[];
  last: number[];
}

function positionCount(node: Node): number {
  switch (node.kind) {
    case 'set':
      return 1;
    case 'empty':
      return 0;
    case 'seq':
    case 'alt':
      return node.items.reduce((sum, item) => sum + positionCount(item), 0);
    case 'repeat': {
      const copies = node.max === Infinity ? Math.max(node.min, 1) : node.max;
      return Math.min(positionCount(node.item) * copies, 1e9);
    }
  }
}

function linkAll(positions: Positions, from: readonly number[], to: readonly number[]): void {
  const link = positions.links++;
  for (const f of from) {
    const follow = positions.follow[f] as Map<number, Set<number>>;
    for (const t of to) {
      const by = follow.get(t) ?? new Set<number>();
      by.add(link);
      follow.set(t, by);
    }
  }
}

function buildSeq(items: readonly Node[], positions: Positions): Built {
  let isNullable = true;
  let first: number[] = [];
  let last: number[] = [];
  for (const item of items) {
    const built = build(item, positions);
    linkAll(positions, last, built.first);
    if (isNullable) first = [...first, ...built.first];
    last = built.isNullable ? [...last, ...built.last] : built.last;
    isNullable &&= built.isNullable;
  }
  return { isNullable, first, last };
}

/** `item` made optional, or looped when `isLooped` (Kleene plus; nullable when `isOptional`). */
function buildLoop(item: Node, positions: Positions, isOptional: boolean): Built {
  const built = build(item, positions);
  linkAll(positions, built.last, built.first);
  return { ...built, isNullable: built.isNullable || isOptional };
}

/** x{min,max}: min copies, then nested optional ones (x(x(x)?)?)? so the expansion adds no ambiguity. */
function buildRepeat(node: Extract<Node, { kind: 'repeat' }>, positions: Positions): Built {
  const { item, min, max } = node;
  if (max === 0) return { isNullable: true, first: [], last: [] };
  const size = positionCount(item);
  if (max === Infinity || size * max > EXPAND_LIMIT) {
    const copies: Node[] = Array.from({ length: Math.max(min - 1, 0) * size <= EXPAND_LIMIT ? Math.max(min - 1, 0) : 0 }, () => item);
    const head = buildSeq(copies, positions);
    const loop = buildLoop(item, positions, min === 0);
    linkAll(positions, head.last, loop.first);
    return {
      isNullable: head.isNullable && loop.isNullable,
      first: head.isNullable ? [...head.first, ...loop.first] : head.first,
      last: loop.isNullable ? [...head.last, ...loop.last] : loop.last,
    };
  }
  let optional: Node = EMPTY;
  for (let i = min; i < max; i++) optional = { kind: 'repeat', item: { kind: 'seq', items: [item, optional] }, min: 0, max: 1 };
  return buildSeq([...Array.from({ length: min }, () => item), optional], positions);
}

function build(node: Node, positions: Positions): Built {
  switch (node.kind) {
    case 'empty':
      return { isNullable: true, first: [], last: [] };
    case 'set': {
      const id = positions.sets.length;
      positions.sets.push(node.set);
      positions.follow.push(new Map());
      return { isNullable: false, first: [id], last: [id] };
    }
    case 'seq':
      return buildSeq(node.items, positions);
    case 'alt': {
      const all = node.items.map((item) => build(item, positions));
      return { isNullable: all.some((b) => b.isNullable), first: all.flatMap((b) => b.first), last: all.flatMap((b) => b.last) };
    }
    case 'repeat':
      if (node.min === 0 && node.max === 1) {
        const built = build(node.item, positions);
        return { ...built, isNullable: true };
      }
      return buildRepeat(node, positions);
  }
}

/** Strongly connected components (Tarjan, iterative); returns each node's component id. */
function components(count: number, next: (node: number) => Iterable<number>): number[] {
  const index = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const component = new Array<number>(count).fill(-1);
  const onStack = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  let counter = 0;
  let componentCount = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: { node: number; edges: Iterator<number> }[] = [{ node: root, edges: next(root)[Symbol.iterator]() }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: number; edges: Iterator<number> };
      const step = frame.edges.next();
      if (!step.done) {
        const to = step.value;
        if (index[to] === -1) {
          index[to] = low[to] = counter++;
          stack.push(to);
          onStack[to] = true;
          work.push({ node: to, edges: next(to)[Symbol.iterator]() });
        } else if (onStack[to]) {
          low[frame.node] = Math.min(low[frame.node] as number, index[to] as number);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low[parent.node] = Math.min(low[parent.node] as number, low[frame.node] as number);
      if (low[frame.node] === index[frame.node]) {
        for (;;) {
          const member = stack.pop() as number;
          onStack[member] = false;
          component[member] = componentCount;
          if (member === frame.node) break;
        }
        componentCount++;
      }
    }
  }
  return component;
}

/**
 * Whether the loop made of `members` (one component of the automaton) can read some text two
 * ways. Nodes of the product: pairs (a,b), n*n of them; then, for each link a -> x made by more
 * than one construct, a node "split at a -> x" between (a,a) and (x,x): the two paths part there.
 */
function isLoopAmbiguous(members: readonly number[], positions: Positions): boolean {
  const local = new Map(members.map((p, i) => [p, i]));
  const n = members.length;
  const succ = members.map((p) => [...(positions.follow[p] ?? new Map<number, Set<number>>()).entries()].filter(([q]) => local.has(q)).map(([q, by]) => ({ to: local.get(q) as number, isDouble: by.size > 1 })));
  const sets = members.map((p) => positions.sets[p] as CharSet);
  const splits: { from: number; to: number }[] = [];
  const splitOf = new Map<number, number>();
  succ.forEach((edges, a) => {
    for (const edge of edges) {
      if (!edge.isDouble) continue;
      splitOf.set(a * n + edge.to, n * n + splits.length);
      splits.push({ from: a, to: edge.to });
    }
  });
  const next = function* (node: number): Iterable<number> {
    if (node >= n * n) {
      const split = splits[node - n * n] as { from: number; to: number };
      yield split.to * n + split.to;
      return;
    }
    const a = Math.floor(node / n);
    const b = node % n;
    for (const x of succ[a] as { to: number }[]) {
      for (const y of succ[b] as { to: number }[]) {
        if (x.to !== y.to && !intersects(sets[x.to] as CharSet, sets[y.to] as CharSet)) continue;
        yield x.to * n + y.to;
        if (a === b && x.to === y.to) {
          const split = splitOf.get(a * n + x.to);
          if (split !== undefined) yield split;
        }
      }
    }
  };
  const component = components(n * n + splits.length, next);
  const withDiagonal = new Set<number>();
  for (let p = 0; p < n; p++) withDiagonal.add(component[p * n + p] as number);
  for (let node = 0; node < n * n + splits.length; node++) {
    const isDiagonal = node < n * n && Math.floor(node / n) === node % n;
    if (!isDiagonal && withDiagonal.has(component[node] as number)) return true;
  }
  return false;
}

/**
 * Why `source` (a JavaScript RegExp source with `flags`) can take exponential time, or undefined
 * when it cannot: the check's one-line verdict, for config and rule-pack problems.
 */
export function exponentialBacktrackingProblem(source: string, flags = ''): string | undefined {
  let tree: Node;
  try {
    tree = new Parser(source, flags.includes('u') || flags.includes('v')).parse();
  } catch (error) {
    if (error instanceof Unparsable) return `cannot be checked for exponential backtracking (${error.message}); simplify it`;
    throw error;
  }
  const positions: Positions = { sets: [], follow: [], links: 0 };
  build(tree, positions);
  if (flags.includes('i')) positions.sets = positions.sets.map(foldCase);
  const component = components(positions.sets.length, (p) => (positions.follow[p] ?? new Map<number, Set<number>>()).keys());
  const loops = new Map<number, number[]>();
  component.forEach((c, p) => {
    const members = loops.get(c) ?? [];
    members.push(p);
    loops.set(c, members);
  });
  for (const members of loops.values()) {
    const isLoop = members.length > 1 || positions.follow[members[0] as number]?.has(members[0] as number) === true;
    // (The product of a one-position loop is a single diagonal pair; only a double link splits it.)
    if (!isLoop) continue;
    if (members.length > LOOP_LIMIT) return `has a repeated part too large to check for exponential backtracking (${members.length} positions); simplify it`;
    if (isLoopAmbiguous(members, positions)) {
      return 'can take exponential time (catastrophic backtracking): a repeated part can match the same text in more than one way, as in (a|a)+, (xy|x|y)+ or (\\w+_?)+; make what the repetition can match exclusive (e.g. [xy]+ for (xy|x|y)+, \\w+ for (\\w+_?)+ followed by a check of its own)';
    }
  }
  return undefined;
}
