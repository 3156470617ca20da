import type { SimpleGit } from 'simple-git';
import { GitError } from '../errors.js';
import { SEALED_CONFIG, sealedGitEnv } from './git-env.js';

/**
 * A simple-git client in the sealed environment, loaded on first use (the pre-commit hook never
 * needs it). simple-git refuses `-c core.fsmonitor`, `-c diff.external`, GIT_CONFIG_GLOBAL and
 * GIT_CONFIG_COUNT unless told they are intended: ours are fixed values, never user input.
 */
async function clientFor(dir: string): Promise<SimpleGit> {
  const { simpleGit } = await import('simple-git');
  const unsafe = { allowUnsafeFsMonitor: true, allowUnsafeDiffExternal: true, allowUnsafeConfigPaths: true, allowUnsafeConfigEnvCount: true };
  const env = sealedGitEnv();
  return simpleGit({ baseDir: dir, config: SEALED_CONFIG, trimmed: false, unsafe, allowEnvironment: Object.keys(env) }).env(env);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Tracked plus untracked-but-not-ignored files under `pathspecs` (all when empty), as
 * repository-relative paths, read NUL-separated so any byte in a name survives.
 */
export async function listWorkingTreeFiles(root: string, pathspecs: readonly string[]): Promise<string[]> {
  const args = ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate', '--full-name'];
  if (pathspecs.length > 0) args.push('--', ...pathspecs.map((p) => `:(literal)${p}`));
  try {
    const out = await (await clientFor(root)).raw(args);
    return out.split('\0').filter((p) => p !== '');
  } catch (error) {
    throw new GitError('E_GIT', `git ls-files failed: ${messageOf(error).split('\n')[0]}`, { cause: error });
  }
}
