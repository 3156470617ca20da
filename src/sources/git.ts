import { execFileSync } from 'node:child_process';
import { simpleGit, type SimpleGit } from 'simple-git';
import { GitError } from '../errors.js';

/**
 * Git runs sealed: no system or global config (a user's aliases, diff drivers or hooks cannot change
 * what we see), no prompts, a fixed locale, no fsmonitor, and paths printed raw.
 */
const SEALED_CONFIG = ['core.quotePath=off', 'core.fsmonitor=false', 'diff.external=', 'color.ui=false'];

let trusted: string[] | undefined;

/**
 * The `safe.directory` entries of the user's own system and global git config. They are the one
 * setting carried into the sealed environment: without them git refuses repositories owned by
 * another user (CI containers, where actions/checkout trusts the workspace in the global config).
 * Read once, with one unsealed `git config --get-all safe.directory`.
 */
function trustedDirectories(env: NodeJS.ProcessEnv): string[] {
  if (trusted !== undefined) return trusted;
  try {
    const out = execFileSync('git', ['config', '--get-all', 'safe.directory'], {
      env: { PATH: env.PATH ?? '', HOME: env.HOME ?? '', ...(env.XDG_CONFIG_HOME ? { XDG_CONFIG_HOME: env.XDG_CONFIG_HOME } : {}) },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      cwd: '/',
    });
    trusted = out.split('\n').filter((line) => line !== '');
  } catch {
    trusted = [];
  }
  return trusted;
}

/** The environment every git process runs in (see the comment on SEALED_CONFIG). */
export function sealedGitEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const sealed: Record<string, string> = {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    LC_ALL: 'C',
  };
  for (const key of ['PATH', 'HOME', 'SYSTEMROOT', 'TMPDIR']) {
    const value = env[key];
    if (value !== undefined) sealed[key] = value;
  }
  const directories = trustedDirectories(env);
  if (directories.length > 0) {
    // Command-scope config through the environment: honoured for safe.directory, unlike repo config.
    sealed.GIT_CONFIG_COUNT = String(directories.length);
    directories.forEach((directory, index) => {
      sealed[`GIT_CONFIG_KEY_${index}`] = 'safe.directory';
      sealed[`GIT_CONFIG_VALUE_${index}`] = directory;
    });
  }
  return sealed;
}

function clientFor(dir: string): SimpleGit {
  // simple-git refuses `-c core.fsmonitor`, `-c diff.external` and GIT_CONFIG_GLOBAL unless told
  // they are intended: ours are fixed values that turn those features off, never user input.
  const unsafe = { allowUnsafeFsMonitor: true, allowUnsafeDiffExternal: true, allowUnsafeConfigPaths: true, allowUnsafeConfigEnvCount: true };
  const env = sealedGitEnv();
  return simpleGit({ baseDir: dir, config: SEALED_CONFIG, trimmed: false, unsafe, allowEnvironment: Object.keys(env) }).env(env);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isGitMissing(error: unknown): boolean {
  return /ENOENT|spawn git/.test(messageOf(error));
}

/** A repository the scanner reads from. */
export interface Repository {
  /** Absolute path of the work tree's top level (or of the git dir for a bare repository). */
  root: string;
  isBare: boolean;
}

/** Finds the repository containing `dir`; undefined when `dir` is not inside one. */
export async function findRepository(dir: string): Promise<Repository | undefined> {
  const git = clientFor(dir);
  let out: string;
  try {
    out = await git.raw(['rev-parse', '--is-bare-repository', '--absolute-git-dir']);
  } catch (error) {
    if (isGitMissing(error)) {
      throw new GitError('E_GIT_MISSING', 'git is not installed or not on PATH', { cause: error, hint: 'install git, or scan files outside a repository' });
    }
    if (/not a git repository/i.test(messageOf(error))) return undefined;
    if (/dubious ownership/i.test(messageOf(error))) {
      throw new GitError('E_GIT', `git refuses to read ${dir}: it is owned by another user`, {
        cause: error,
        hint: `if you trust it, run \`git config --global --add safe.directory ${dir}\` (secretscan honours that setting)`,
      });
    }
    throw new GitError('E_GIT', `git rev-parse failed in ${dir}: ${messageOf(error).split('\n')[0]}`, { cause: error });
  }
  const [bare, gitDir = dir] = out.split('\n');
  if (bare === 'true') return { root: gitDir, isBare: true };
  const topLevel = (await git.raw(['rev-parse', '--show-toplevel']).catch(() => '')).trim();
  // Inside the .git directory of a non-bare repository there is no work tree either.
  return topLevel === '' ? { root: gitDir, isBare: true } : { root: topLevel, isBare: false };
}

/**
 * Tracked plus untracked-but-not-ignored files under `pathspecs` (all when empty), as
 * repository-relative paths, read NUL-separated so any byte in a name survives.
 */
export async function listWorkingTreeFiles(root: string, pathspecs: readonly string[]): Promise<string[]> {
  const args = ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate', '--full-name'];
  if (pathspecs.length > 0) args.push('--', ...pathspecs.map((p) => `:(literal)${p}`));
  try {
    const out = await clientFor(root).raw(args);
    return out.split('\0').filter((p) => p !== '');
  } catch (error) {
    throw new GitError('E_GIT', `git ls-files failed: ${messageOf(error).split('\n')[0]}`, { cause: error });
  }
}
