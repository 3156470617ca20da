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
  return (path: string) => {
    let isMatched = false;
    for (const { isNegated, matcher } of compiled) {
      if (isMatched === isNegated && matcher(path)) isMatched = !isNegated;
    }
    return isMatched;
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
