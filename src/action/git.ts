import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runGit } from '../sources/index.js';

export { runGit } from '../sources/index.js';

/** Whether the commit is in the local repository. */
export async function hasCommit(cwd: string, sha: string): Promise<boolean> {
  return (await runGit(cwd, ['cat-file', '-e', `${sha}^{commit}`])).code === 0;
}

/** The full sha a revision names, or undefined when it names no commit here. */
export async function commitOf(cwd: string, rev: string): Promise<string | undefined> {
  const run = await runGit(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  return run.code === 0 ? run.stdout.trim() : undefined;
}

/**
 * The commits whose parents this clone does not have (the `shallow` file); empty for a complete
 * clone. Read directly because `rev-list` treats them as roots without saying so.
 */
export async function shallowCommits(cwd: string): Promise<Set<string>> {
  const run = await runGit(cwd, ['rev-parse', '--git-path', 'shallow']);
  const path = resolve(cwd, run.stdout.trim());
  if (run.code !== 0 || !existsSync(path)) return new Set();
  return new Set(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line !== ''),
  );
}

/** Whether this is a shallow clone. */
export async function isShallow(cwd: string): Promise<boolean> {
  return (await runGit(cwd, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
}
