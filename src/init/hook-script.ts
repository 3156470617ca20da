/**
 * The line that identifies our hook. `secretscan init` never adds its block twice to a file that
 * contains it, and never moves a hook that has it.
 */
export const HOOK_MARKER = '# secretscan: block commits that add secrets';

/**
 * The pre-commit check, as `.husky/pre-commit` holds it (husky 9 runs the file with `sh -e`, so
 * no shebang) and as the native hook ends. It fails closed: a missing scanner, an invalid config
 * or a crash (exit 2 or 3) blocks the commit, and every message names the way out.
 *
 * Why the `|| status=$?`: under `sh -e` a bare failing command would end the script before the
 * guidance is printed. The variables are prefixed because the block may be appended to a hook
 * that has its own. A project-local scanner is preferred to one on PATH: it is the pinned version.
 */
export const HOOK_BLOCK = `${HOOK_MARKER}
if [ -x ./node_modules/.bin/secretscan ]; then secretscan_bin="./node_modules/.bin/secretscan"; elif command -v secretscan >/dev/null 2>&1; then secretscan_bin="secretscan"; else secretscan_bin=""; fi
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

/**
 * A native `pre-commit` hook: a hook that was there before `secretscan init` was renamed to
 * `pre-commit.local`; it runs first (when executable) and a failure stops the commit there.
 */
export const NATIVE_HOOK = `#!/bin/sh
# Installed by \`secretscan init\`. A pre-commit hook that was here before is now pre-commit.local:
# it runs first, and the commit stops if it fails.
secretscan_local_hook="$(dirname "$0")/pre-commit.local"
if [ -x "$secretscan_local_hook" ]; then
  "$secretscan_local_hook" "$@" || exit $?
fi
${HOOK_BLOCK}`;

/** True when a hook file's text already contains our marker line. */
export function hasHookMarker(text: string): boolean {
  return text.split(/\r?\n/).some((line) => line.trimStart().startsWith(HOOK_MARKER));
}

/** `existing` with our block appended after a blank line: their commands keep running first. */
export function appendHookBlock(existing: string): string {
  if (existing.trim() === '') return HOOK_BLOCK;
  return `${existing}${existing.endsWith('\n') ? '' : '\n'}\n${HOOK_BLOCK}`;
}
