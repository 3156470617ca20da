import picomatch from 'picomatch';

/**
 * Turns one gitignore-style pattern into picomatch globs: a pattern without an inner `/` matches
 * at any depth, a leading `/` anchors it at the root, and a directory pattern covers its contents.
 */
function toGlobs(pattern: string): string[] {
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
      const matcher = picomatch(toGlobs(isNegated ? p.slice(1) : p), { dot: true });
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

/** Tells whether a glob compiles, for config and pack validation. Returns the error text or undefined. */
export function globProblem(pattern: string): string | undefined {
  try {
    picomatch.makeRe(pattern);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
