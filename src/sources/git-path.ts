const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * Decodes a path as git prints it in diff headers: C-quoted (`"new\nline.txt"`, octal bytes for
 * non-UTF-8) when it holds control characters, quotes or backslashes; raw otherwise, where git
 * appends a tab after names that contain a space (`+++ b/with space.txt\t`).
 */
export function unquoteGitPath(raw: string): string {
  // git appends a tab after names that contain a space, quoted or not: `+++ "b/a b\n.txt"\t`.
  const text = raw.endsWith('\t') ? raw.slice(0, -1) : raw;
  if (!text.startsWith('"')) return text;
  const bytes: number[] = [];
  for (let i = 1; i < text.length - 1; i++) {
    const char = text[i] as string;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = text[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Strips git's `a/` or `b/` prefix from a decoded header path; `/dev/null` stays undefined. */
export function stripDiffPrefix(path: string): string | undefined {
  if (path === '/dev/null') return undefined;
  return /^[ab]\//.test(path) ? path.slice(2) : path;
}

/** The new-side path of a `diff --git a/P b/P` header when both sides are equal (no rename). */
export function pathOfGitHeader(rest: string): string | undefined {
  if (rest.startsWith('"')) {
    const close = rest.indexOf('" ', 1);
    const second = close === -1 ? undefined : rest.slice(close + 2);
    return second === undefined ? undefined : stripDiffPrefix(unquoteGitPath(second));
  }
  const half = (rest.length - 1) / 2;
  if (!Number.isInteger(half)) return undefined;
  const [a, b] = [rest.slice(0, half), rest.slice(half + 1)];
  return a.slice(2) === b.slice(2) ? b.slice(2) : undefined;
}
