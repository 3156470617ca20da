/**
 * The line that identifies our hook. `secretscan init` never adds its block twice to a file that
 * contains it, and never moves a hook that has it.
 */
export const HOOK_MARKER = '# secretscan: block commits that add secrets';

/** `text` as one single-quoted shell word. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The pre-commit check, as `.husky/pre-commit` holds it (husky 9 runs the file with `sh -e`, so
 * no shebang) and as the native hook starts. It fails closed: a missing scanner, an invalid config
 * or a crash (exit 2 or 3) blocks the commit, and every message names the way out.
 *
 * Why the `|| status=$?`: under `sh -e` a bare failing command would end the script before the
 * guidance is printed. The variables are prefixed because the block shares a hook with other
 * commands. A project-local scanner is preferred to one on PATH: it is the pinned version. Git runs
 * hooks from the work tree's top level, so `packageDir` (the folder holding the package.json that
 * depends on secretscan, `''` for the top level) says where that local scanner is.
 */
export function preCommitBlock(packageDir = ''): string {
  const local = shellQuote(`./${packageDir === '' ? '' : `${packageDir}/`}node_modules/.bin/secretscan`);
  return `${HOOK_MARKER}
if [ -x ${local} ]; then secretscan_bin=${local}; elif command -v secretscan >/dev/null 2>&1; then secretscan_bin="secretscan"; else secretscan_bin=""; fi
if [ -z "$secretscan_bin" ]; then
  echo "secretscan: not installed, so this commit cannot be checked for secrets." >&2
  echo "  install it (npm install), or commit with --no-verify if you are sure." >&2
  exit 1
fi
secretscan_status=0
"$secretscan_bin" scan --staged || secretscan_status=$?
if [ "$secretscan_status" -eq 1 ]; then
  echo "" >&2
  echo "secretscan blocked this commit: the lines above add secrets." >&2
  echo "  fix: remove the secret, keep it in an environment variable or a secret manager, and rotate it if it was ever pushed." >&2
  echo "  false positive: add 'secretscan:allow' on the line, an allowlist entry in .secretscan.yaml, or its fingerprint to .secretscanignore." >&2
  echo "  last resort: git commit --no-verify" >&2
  exit 1
elif [ "$secretscan_status" -ne 0 ]; then
  echo "secretscan could not check this commit (exit $secretscan_status); see the message above." >&2
  echo "  fix the problem it names, or commit with --no-verify if you are sure." >&2
  exit 1
fi
`;
}

/** The pre-commit check for a package.json at the top level. */
export const HOOK_BLOCK = preCommitBlock();

/**
 * A native `pre-commit` hook. The scan runs first; a hook that was there before `secretscan init`
 * was renamed to `pre-commit.local` and runs next (when executable), so a hook that ends early
 * (`exit 0`) or is slow never delays or skips the check.
 */
export function nativePreCommitHook(packageDir = ''): string {
  return `#!/bin/sh
# Installed by \`secretscan init\`. A pre-commit hook that was here before is now pre-commit.local:
# it runs after the secretscan check, and the commit stops if it fails.
${preCommitBlock(packageDir)}secretscan_local_hook="$(dirname "$0")/pre-commit.local"
if [ -x "$secretscan_local_hook" ]; then
  exec "$secretscan_local_hook" "$@"
fi
`;
}

/** The native hook for a repository whose scanner is on PATH or at the top level. */
export const NATIVE_HOOK = nativePreCommitHook();

/** True when a hook file's text already contains our marker line. */
export function hasHookMarker(text: string): boolean {
  return text.split(/\r?\n/).some((line) => line.trimStart().startsWith(HOOK_MARKER));
}

/**
 * `existing` with `block` placed first, so it runs before their commands: a hook that ends with
 * `exit 0`, `exec`s another program or runs a slow test suite would otherwise skip or delay it. A
 * `#!` line stays on top.
 */
export function prependHookBlock(existing: string, block: string): string {
  if (existing.trim() === '') return block;
  const shebang = /^#![^\n]*\n/.exec(existing)?.[0] ?? '';
  return `${shebang}${block}\n${existing.slice(shebang.length)}`;
}
