import { GitError } from '../errors.js';
import { gitText } from './git-process.js';

/** A repository the scanner reads from. */
export interface Repository {
  /** Absolute path of the work tree's top level (or of the git dir for a bare repository). */
  root: string;
  isBare: boolean;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Finds the repository containing `dir`; undefined when `dir` is not inside one. One git call in
 * the usual case (a work tree); bare repositories and .git directories take a second.
 */
export async function findRepository(dir: string): Promise<Repository | undefined> {
  try {
    const [bare, gitDir = dir, topLevel] = (await gitText(dir, ['rev-parse', '--is-bare-repository', '--absolute-git-dir', '--show-toplevel'])).split('\n');
    if (bare === 'false' && topLevel) return { root: topLevel, isBare: false };
    return { root: gitDir, isBare: true };
  } catch (error) {
    if (error instanceof GitError && error.code === 'E_GIT_MISSING') throw error;
    const message = messageOf(error);
    if (/not a git repository/i.test(message)) return undefined;
    if (/dubious ownership/i.test(message)) {
      throw new GitError('E_GIT', `git refuses to read ${dir}: it is owned by another user`, {
        cause: error,
        hint: `if you trust it, run \`git config --global --add safe.directory ${dir}\` (secretscan honours that setting)`,
      });
    }
    if (!/must be run in a work tree/i.test(message)) throw error;
  }
  // A bare repository, or inside a .git directory: there is no work tree.
  const [, gitDir = dir] = (await gitText(dir, ['rev-parse', '--is-bare-repository', '--absolute-git-dir'])).split('\n');
  return { root: gitDir, isBare: true };
}
