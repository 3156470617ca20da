import picomatch from 'picomatch';
import { segmentGlobRegex } from './segment-glob.js';
import { exponentialBacktrackingProblem } from './speed/ambiguity.js';

/**
 * Most `*` wildcards one path segment of a glob may hold. picomatch turns each into a lazy
 * `[^/]*?`, and k of them in one segment can be tried in about n^k ways on an n-character name
 * that does not match: 3 keeps a 255-character name to a few million steps.
 */
export const MAX_STARS_PER_SEGMENT = 3;

/**
 * Turns one gitignore-style pattern into picomatch globs: a pattern without an inner `/` matches
 * at any depth, a leading `/` anchors it at the root, and a directory pattern covers its contents.
 */
export function toGlobs(pattern: string): [string, string] {
  let glob = pattern.trim();
  const isAnchored = glob.startsWith('/') || glob.slice(0, -1).includes('/');
  glob = glob.replace(/^\//, '').replace(/\/$/, '');
  if (!isAnchored && !glob.startsWith('**/')) glob = `**/${glob}`;
  return [glob, `${glob}/**`];
}

/**
 * Compiles gitignore-syntax patterns (`!` negates, later patterns win) into one predicate over
 * repository-relative `/`-separated paths. The only place picomatch is imported.
 */
export function compilePathPatterns(patterns: readonly string[]): (path: string) => boolean {
  const compiled = patterns
    .filter((p) => p.trim() !== '' && !p.startsWith('#'))
    .map((p) => {
      const isNegated = p.startsWith('!');
      const globs = toGlobs(isNegated ? p.slice(1) : p);
      const regex = segmentGlobRegex(globs[0]);
      const matcher = regex === undefined ? picomatch(globs, { dot: true }) : (path: string) => regex.test(path);
      return { isNegated, matcher };
    });
  const test = (path: string): boolean => {
    let isMatched = false;
    for (const { isNegated, matcher } of compiled) {
      if (isMatched === isNegated && matcher(path)) isMatched = !isNegated;
    }
    return isMatched;
  };
  return memoizeByPath(test);
}

/** Answers kept per predicate; a scan asks about the same path once per rule and per diff hunk. */
const MEMO_LIMIT = 4096;

/**
 * Remembers a path predicate's answers (the last few thousand paths): glob lists are tried for
 * every chunk a rule has keyword hits in, and a picomatch test costs far more than a map lookup.
 */
export function memoizeByPath<T>(compute: (path: string) => T): (path: string) => T {
  const memo = new Map<string, T>();
  return (path) => {
    const known = memo.get(path);
    if (known !== undefined || memo.has(path)) return known as T;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const value = compute(path);
    memo.set(path, value);
    return value;
  };
}

/** Why matching the glob could take more than about linear time on a path, or undefined. */
function globSpeedProblem(pattern: string, compiled: RegExp): string | undefined {
  const crowded = pattern.split('/').find((segment) => segment !== '**' && (segment.match(/\*+/g) ?? []).length > MAX_STARS_PER_SEGMENT);
  if (crowded !== undefined) return `too many \`*\` wildcards in "${crowded}" (at most ${MAX_STARS_PER_SEGMENT} per path segment): matching a long name could take very long`;
  const exponential = exponentialBacktrackingProblem(compiled.source, compiled.flags);
  return exponential === undefined ? undefined : `the glob ${exponential}`;
}

/**
 * Tells whether a glob compiles and matches in about linear time, for config and pack validation:
 * it is checked in the forms compilePathPatterns gives it. Returns the problem or undefined.
 */
export function globProblem(pattern: string): string | undefined {
  try {
    for (const glob of toGlobs(pattern)) {
      const problem = globSpeedProblem(glob, picomatch.makeRe(glob, { dot: true }));
      if (problem !== undefined) return problem;
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
