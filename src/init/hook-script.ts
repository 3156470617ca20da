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
  return `${HOOK_MARKER}
${scannerLookup(packageDir)}
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

/** Sets `secretscan_bin` to the project's scanner, else one on PATH; none blocks the commit. */
function scannerLookup(packageDir: string): string {
  const local = shellQuote(`./${packageDir === '' ? '' : `${packageDir}/`}node_modules/.bin/secretscan`);
  return `if [ -x ${local} ]; then secretscan_bin=${local}; elif command -v secretscan >/dev/null 2>&1; then secretscan_bin="secretscan"; else secretscan_bin=""; fi
if [ -z "$secretscan_bin" ]; then
  echo "secretscan: not installed, so this commit cannot be checked for secrets." >&2
  echo "  install it (npm install), or commit with --no-verify if you are sure." >&2
  exit 1
fi`;
}

/** The line that identifies our commit-msg check. */
export const COMMIT_MSG_MARKER = '# secretscan: block commit messages that hold secrets';

/**
 * The commit-msg check, as `.husky/commit-msg` holds it and as the native commit-msg hook starts:
 * git passes the message file as `$1`, after the editor closed or from `-m`, `-F` or a merge.
 * Fails closed like the pre-commit check.
 */
export function commitMsgBlock(packageDir = ''): string {
  return `${COMMIT_MSG_MARKER}
${scannerLookup(packageDir)}
secretscan_status=0
"$secretscan_bin" scan --commit-msg "$1" || secretscan_status=$?
if [ "$secretscan_status" -eq 1 ]; then
  echo "" >&2
  echo "secretscan blocked this commit: its message holds a secret (above)." >&2
  echo "  fix: commit again with a message without it; what you wrote is in $1." >&2
  echo "  false positive: add its fingerprint to .secretscanignore, or an allowlist entry in .secretscan.yaml." >&2
  echo "  last resort: git commit --no-verify" >&2
  exit 1
elif [ "$secretscan_status" -ne 0 ]; then
  echo "secretscan could not check this commit message (exit $secretscan_status); see the message above." >&2
  echo "  fix the problem it names, or commit with --no-verify if you are sure." >&2
  exit 1
fi
`;
}

/** The pre-commit check for a package.json at the top level. */
export const HOOK_BLOCK = preCommitBlock();

/** The git hooks init installs, with the check each one starts with. */
export type HookName = 'pre-commit' | 'commit-msg';

/** What each hook does, for the output. */
export const HOOK_PURPOSE: Record<HookName, string> = {
  'pre-commit': 'runs `secretscan scan --staged` before each commit',
  'commit-msg': 'runs `secretscan scan --commit-msg` on each commit message',
};

/** The check `name` runs, for the package in `packageDir`. */
export function hookBlock(name: HookName, packageDir = ''): string {
  return name === 'pre-commit' ? preCommitBlock(packageDir) : commitMsgBlock(packageDir);
}

/**
 * A native hook (`pre-commit` or `commit-msg`). The check runs first; a hook that was there before
 * `secretscan init` was renamed to `<name>.local` and runs next with the same arguments (when
 * executable), so a hook that ends early (`exit 0`) or is slow never skips or delays the check.
 */
export function nativeHook(name: HookName, packageDir = ''): string {
  return `#!/bin/sh
# Installed by \`secretscan init\`. A ${name} hook that was here before is now ${name}.local:
# it runs after the secretscan check, and the commit stops if it fails.
${hookBlock(name, packageDir)}secretscan_local_hook="$(dirname "$0")/${name}.local"
if [ -x "$secretscan_local_hook" ]; then
  exec "$secretscan_local_hook" "$@"
fi
`;
}

/** The native pre-commit hook for a repository whose scanner is on PATH or at the top level. */
export function nativePreCommitHook(packageDir = ''): string {
  return nativeHook('pre-commit', packageDir);
}

/** The native hook for a repository whose scanner is on PATH or at the top level. */
export const NATIVE_HOOK = nativePreCommitHook();

/** True when a hook file's text already contains the marker line of `name`'s check. */
export function hasHookMarker(text: string, name: HookName = 'pre-commit'): boolean {
  const marker = name === 'pre-commit' ? HOOK_MARKER : COMMIT_MSG_MARKER;
  return text.split(/\r?\n/).some((line) => line.trimStart().startsWith(marker));
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
