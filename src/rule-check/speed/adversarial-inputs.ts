import { scanPatternAtoms, type RepeatedClass } from './pattern-atoms.js';

/**
 * One input shape, as plain data a worker can receive: `head`, then `unit` repeated, then `end`,
 * `size` characters in all (see buildInput).
 */
export interface InputShape {
  /** What the input is made of, e.g. `keyword + run of [A-Za-z0-9_-]`. */
  name: string;
  head: string;
  unit: string;
  end: string;
}

/** What the shapes are derived from: a rule's pattern, flags, keywords and examples. */
export interface ShapeSource {
  pattern: string;
  /** The compiled flags (`gd`, `gdi`); only `i` matters here. */
  flags: string;
  keywords: readonly string[];
  examples: readonly string[];
}

/** Runs every rule is timed on, whatever its pattern: the generic runs `rules check` always used. */
const GENERIC_RUNS = ['a', 'A', '0', 'f', '_', '-', '/', '+', '=', ' ', '\t', ':', '.', 'aA0', 'a=', '"a', "'", '\n'];
/** Classes and class pairs taken from one pattern; the first ones are the unbounded and longest. */
const MAX_CLASSES = 6;
const MAX_PAIRS = 4;
const MAX_LITERALS = 12;
/** Length of each class run between keywords in the repeated shapes and the short lines. */
const SEGMENT_RUN = 48;
/**
 * Distance between keywords on the long line: just under the matcher's LINE_REACH (4096,
 * src/engine/windows.ts), so the windows around the hits merge and the regex runs over the whole
 * line, as in a minified file, without a keyword every few characters.
 */
const LONG_LINE_SEGMENT = 4000;
const CANDIDATES = ['\t', '\n', ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))];
const TERMINATORS = ['!', '\n', '"', ' ', '#', '\u0001'];
/** Starts every matcher line so that a match is dropped cheaply (see matcherShapes). */
export const INLINE_MARKER_PREFIX = 'secretscan:allow ';

/** `unit` repeated to `length` characters. */
function fill(unit: string, length: number): string {
  return unit.length === 0 || length <= 0 ? '' : unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** A class's printable ASCII members, one repeated character from it, and one character outside it. */
interface ClassSample {
  label: string;
  members: string;
  one: string;
  outside: string;
}

function sampleClass(cls: RepeatedClass, flags: string): ClassSample | undefined {
  let test: RegExp;
  try {
    test = new RegExp(`^${cls.source}$`, flags.includes('i') ? 'i' : '');
  } catch {
    return undefined;
  }
  const members = CANDIDATES.filter((c) => test.test(c)).join('');
  if (members.length === 0) return undefined;
  const one = members.match(/[a-z]/)?.[0] ?? members.match(/[A-Z0-9]/)?.[0] ?? (members[0] as string);
  const outside = TERMINATORS.find((c) => !test.test(c)) ?? '';
  return { label: cls.source, members, one, outside };
}

/** A shape that repeats `unit` and ends with `end` (a character the pattern's class rejects). */
function repeated(name: string, unit: string, end = '', head = ''): InputShape {
  return { name, head, unit, end };
}

/** The text of `shape` at `size` characters. The timing worker has its own copy of this. */
export function buildInput(shape: InputShape, size: number): string {
  return shape.head + fill(shape.unit, size - shape.head.length - shape.end.length) + shape.end;
}

function classShapes(samples: readonly ClassSample[], keyword: string): InputShape[] {
  return samples.flatMap((s) => [
    repeated(`run of ${JSON.stringify(s.one)} from ${s.label}`, s.one, s.outside),
    repeated(`run of ${s.label}`, s.members, s.outside),
    repeated(`keyword + run of ${s.label}`, s.members, s.outside, keyword),
    repeated(`keyword + ${SEGMENT_RUN} of ${s.label}, repeated`, keyword + fill(s.members, SEGMENT_RUN) + s.outside),
  ]);
}

/** Alternating characters of two neighbouring classes, each preferably outside the other. */
function pairShapes(samples: readonly ClassSample[]): InputShape[] {
  const shapes: InputShape[] = [];
  for (let i = 0; i + 1 < samples.length && shapes.length < MAX_PAIRS; i++) {
    const [a, b] = [samples[i] as ClassSample, samples[i + 1] as ClassSample];
    const first = [...a.members].find((c) => !b.members.includes(c)) ?? a.one;
    const second = [...b.members].find((c) => !a.members.includes(c)) ?? b.one;
    shapes.push(repeated(`${a.label} and ${b.label} alternating`, first + second, a.outside === b.outside ? a.outside : ''));
  }
  return shapes;
}

/** The repeated classes, unbounded and longest first, sampled. */
function samplesOf(source: ShapeSource): ClassSample[] {
  const classes = scanPatternAtoms(source.pattern).classes.sort((x, y) => y.max - x.max);
  return classes
    .map((c) => sampleClass(c, source.flags))
    .filter((s): s is ClassSample => s !== undefined)
    .slice(0, MAX_CLASSES);
}

/**
 * Inputs for timing a rule's regex on its own: the generic runs after its first keyword, its
 * keywords, literals and examples repeated, and runs built from the classes its pattern repeats.
 */
export function regexShapes(source: ShapeSource): InputShape[] {
  const keyword = source.keywords[0] ?? '';
  const samples = samplesOf(source);
  const literals = scanPatternAtoms(source.pattern).literals.slice(0, MAX_LITERALS);
  const shapes = [
    ...GENERIC_RUNS.map((run) => repeated(`keyword + run of ${JSON.stringify(run)}`, run, '', keyword)),
    repeated('keywords repeated', source.keywords.join('')),
    repeated('pattern literals repeated', literals.join('')),
    repeated('examples repeated', source.examples.join(' ')),
    ...classShapes(samples, keyword),
    ...pairShapes(samples),
  ];
  return shapes.filter((shape) => buildInput(shape, 16).length > 0);
}

/**
 * Inputs for timing the real matcher with only this rule loaded: its keywords each followed by a
 * run of one of its classes, as one long line and as short lines. Every line starts with the
 * inline allow marker, so a match is dropped right after the regex and its filters: what is timed
 * is the rule (keyword hits, windows, regex, secret filters), not building findings, whose cost
 * is the same for every rule. (Examples are timed with the regex alone: a file that is all
 * findings costs the same per finding whatever the rule.)
 */
export function matcherShapes(source: ShapeSource): InputShape[] {
  const samples = samplesOf(source);
  const keywords = source.keywords.length > 0 ? source.keywords : [''];
  const segmentsOf = (length: number): string[] =>
    keywords.flatMap((keyword, k) => {
      if (samples.length === 0) return [keyword + fill('a', length)];
      return samples.map((s, i) => keyword + fill((k + i) % 2 === 0 ? s.members : s.one, length));
    });
  const sameLine = samples.map((s) => s.outside).find((c) => c !== '' && c !== '\n') ?? ' ';
  return [
    repeated('one line of keywords and class runs', segmentsOf(LONG_LINE_SEGMENT).join(sameLine) + sameLine, '', INLINE_MARKER_PREFIX),
    repeated(
      'short lines of keywords and class runs',
      segmentsOf(SEGMENT_RUN)
        .map((s) => `${INLINE_MARKER_PREFIX}${s}\n`)
        .join(''),
    ),
  ];
}
