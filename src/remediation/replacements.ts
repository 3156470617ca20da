/** What every replaced value becomes in rewritten history. */
export const REPLACEMENT = 'REMOVED-BY-SECRETSCAN';

const PEM_BOUNDARY = /^-----(BEGIN|END) [A-Z0-9 ]+-----$/;
const FILTER_REPO_PREFIX = /^(literal|regex|glob):/;

/**
 * The `git filter-repo --replace-text` input for raw secret values: one `VALUE==>REPLACEMENT`
 * line each. The file is line based, so a multi-line secret (a PEM key) contributes each body line
 * of 8 or more characters instead; its BEGIN/END markers are not secret and stay. Values that
 * would read as filter-repo syntax get an explicit `literal:` prefix; values containing `==>`
 * cannot be expressed and are left out. Sorted longest first (so a value that contains another is
 * replaced whole), each once.
 */
export function replacementLines(secrets: Iterable<string>): string[] {
  const values = new Set<string>();
  for (const secret of secrets) {
    const parts = secret.includes('\n') ? secret.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length >= 8 && !PEM_BOUNDARY.test(line)) : [secret];
    for (const part of parts) if (part.length > 0 && !part.includes('==>')) values.add(part);
  }
  return [...values]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
    .map((value) => `${FILTER_REPO_PREFIX.test(value) ? 'literal:' : ''}${value}==>${REPLACEMENT}`);
}
