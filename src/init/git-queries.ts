import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { GitError } from '../errors.js';
import { runGit } from '../sources/index.js';

/** Runs git sealed in `cwd`: trimmed stdout, or undefined when git exits non-zero. */
async function gitOutput(cwd: string, args: readonly string[]): Promise<string | undefined> {
  const run = await runGit(cwd, args);
  return run.code === 0 ? run.stdout.trim() : undefined;
}

/** The repository's common git dir (shared by its worktrees), absolute: where `hooks/` lives. */
export async function gitCommonDir(root: string): Promise<string> {
  const path = await gitOutput(root, ['rev-parse', '--path-format=absolute', '--git-common-dir']);
  if (path === undefined || path === '') throw new GitError('E_GIT', `git cannot tell where the git dir of ${root} is (git rev-parse --git-common-dir failed)`);
  return path;
}

/** Where `core.hooksPath` comes from, as `git config --show-scope --show-origin` names it. */
export interface HooksPathSetting {
  /** `local`, `worktree`, `global`, `system` or `command`. */
  scope: string;
  /** The config file (or `command line:`), for messages. */
  origin: string;
  /** The value with `~` expanded; relative values are relative to the work tree's top level. */
  value: string;
  /** The absolute folder git runs hooks from. */
  directory: string;
}

function runUserGit(root: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string }> {
  return new Promise((resolvePromise) => {
    execFile('git', args, { cwd: root, env, encoding: 'utf8', maxBuffer: 1024 * 1024 }, (error, stdout) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolvePromise({ code, stdout });
    });
  });
}

/**
 * The `core.hooksPath` git will use when the user commits, or undefined when it is not set. Unlike
 * every other git call here this one runs in the user's own environment (`env`): a hooks path in
 * the global or system config decides where hooks run, and the sealed environment would hide it.
 * Reading config runs nothing from the repository.
 */
export async function hooksPathSetting(root: string, env: NodeJS.ProcessEnv): Promise<HooksPathSetting | undefined> {
  const run = await runUserGit(root, ['config', '--show-scope', '--show-origin', '--type=path', '--get-all', 'core.hooksPath'], env);
  if (run.code === 1) return undefined;
  if (run.code !== 0) throw new GitError('E_GIT', `git cannot read core.hooksPath in ${root} (git config exit ${run.code})`, { hint: 'check your git configuration (`git config --list --show-origin`)' });
  const last =
    run.stdout
      .split('\n')
      .filter((line) => line !== '')
      .at(-1) ?? '';
  const [scope = '', origin = '', ...rest] = last.split('\t');
  const value = rest.join('\t');
  if (value === '') return undefined;
  return { scope, origin, value, directory: resolve(root, value) };
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
