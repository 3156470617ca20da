/**
 * A regex for one gitignore-style pattern's pair of globs (`G` and `G/**`, see toGlobs in
 * path-glob.ts) when the glob uses only whole-segment `**`, `*`, `?` and flat `{a,b}`: what the
 * built-in packs and the sensitive-file catalogue use. It matches what picomatch (with `dot`)
 * matches for the pair on repository paths (a test compares the two), in a regex a fraction of
 * picomatch's size, so a pre-commit hook does not spend tens of milliseconds compiling globs.
 * Undefined for anything else (classes, escapes, extglobs, ranges, `.` segments): picomatch then.
 */
export function segmentGlobRegex(glob: string): RegExp | undefined {
  if (!/^[\w.\-/@+~ ,*?{}$%#&=:;'"^]+$/.test(glob)) return undefined;
  // `**/**` is `**`.
  const segments = glob.split('/').filter((s, i, all) => !(s === '**' && all[i - 1] === '**'));
  if (segments.some((s) => s === '' || s === '.' || s === '..' || (s.includes('**') && s !== '**'))) return undefined;
  let body = '';
  for (const [i, segment] of segments.entries()) {
    const isLast = i === segments.length - 1;
    if (segment === '**') {
      // Zero or more whole segments, none of them `.` or `..` (as picomatch); `X/**` also matches X.
      if (!isLast) body += `(?:${SEGMENT}/)*`;
      else body += i === 0 ? ANY_PATH : `(?:/${ANY_PATH})?`;
      continue;
    }
    const part = segmentRegex(segment);
    if (part === undefined) return undefined;
    const isBeforeTrailingAny = i === segments.length - 2 && segments[i + 1] === '**';
    body += isLast || isBeforeTrailingAny ? part : `${part}/`;
  }
  // `G/**`: anything below a match, which is what the pair adds to `G` alone.
  return new RegExp(`^${body}(?:/.*)?$`);
}

/** One segment that is not `.` or `..`. */
const SEGMENT = '(?!\\.\\.?(?:/|$))[^/]+';
const ANY_PATH = `${SEGMENT}(?:/${SEGMENT})*`;

/** Regex source for one segment: `*`, `?`, one level of `{a,b}`, the rest literal. */
function segmentRegex(segment: string): string | undefined {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i] as string;
    if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else if (char === '{') {
      const end = segment.indexOf('}', i);
      const inner = end === -1 ? undefined : segment.slice(i + 1, end);
      if (inner === undefined || !inner.includes(',') || /[{*?]|\.\./.test(inner)) return undefined;
      out += `(?:${inner.split(',').map(escapeLiteral).join('|')})`;
      i = end;
    } else if (char === '}' || char === ',') return undefined;
    else out += escapeLiteral(char);
  }
  return segment.startsWith('*') || segment.startsWith('?') ? `(?!\\.\\.?(?:/|$))${out}` : out;
}

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
