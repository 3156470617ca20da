import { resolve } from 'node:path';
import { GitError } from '../errors.js';
import { runGit } from '../sources/index.js';

/** Runs git sealed in `cwd`: trimmed stdout, or undefined when git exits non-zero. */
async function gitOutput(cwd: string, args: readonly string[]): Promise<string | undefined> {
  const run = await runGit(cwd, args);
  return run.code === 0 ? run.stdout.trim() : undefined;
}

/**
 * The absolute directory git runs hooks from: `core.hooksPath` when the repository sets it (a
 * relative value is relative to the work tree's top level), else the hooks folder of the git dir.
 */
export async function hooksDirectory(root: string): Promise<string> {
  const path = await gitOutput(root, ['rev-parse', '--git-path', 'hooks']);
  if (path === undefined || path === '') throw new GitError('E_GIT', `git cannot tell where the hooks of ${root} live (git rev-parse --git-path hooks failed)`);
  return resolve(root, path);
}

/**
 * The branch pushes go to: what `origin/HEAD` points at, else a local `main` or `master`, else the
 * current branch, else `main`.
 */
export async function defaultBranch(root: string): Promise<string> {
  const remoteHead = await gitOutput(root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  if (remoteHead?.startsWith('origin/') === true) return remoteHead.slice('origin/'.length);
  for (const name of ['main', 'master']) {
    if ((await gitOutput(root, ['rev-parse', '--verify', '--quiet', `refs/heads/${name}`])) !== undefined) return name;
  }
  const current = await gitOutput(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  return current === undefined || current === '' ? 'main' : current;
}
