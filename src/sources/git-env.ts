import { execFile, execFileSync } from 'node:child_process';
import { delimiter, resolve } from 'node:path';

/**
 * Git runs sealed: no system or global config (a user's aliases, diff drivers or hooks cannot change
 * what we see), no prompts, a fixed locale, no fsmonitor, no replace refs, and paths printed raw.
 */
export const SEALED_CONFIG = ['core.quotePath=off', 'core.fsmonitor=false', 'diff.external=', 'color.ui=false'];

let trusted: string[] | undefined;

/** The process git is started from: its environment and the directory it started in. */
export interface GitEnvironment {
  /** Read at each git call, not copied: a hook's GIT_INDEX_FILE and the like are seen as they are. */
  env: Readonly<Record<string, string | undefined>>;
  /** Where git started us: relative location variables are made absolute against it. */
  cwd: string;
}

let current: GitEnvironment | undefined;

/**
 * Sets the environment every git process starts from. The entry points (the CLI's run() and the
 * Action's main()) hand over their process's environment before anything runs git; no code below
 * them reads `process`.
 */
export function useGitEnvironment(environment: GitEnvironment): void {
  current = environment;
}

function gitEnvironment(): GitEnvironment {
  if (current === undefined) throw new Error('git was called before the entry point set its environment (useGitEnvironment)');
  return current;
}

/**
 * The `safe.directory` entries of the user's own system and global git config. They are the one
 * setting carried into the sealed environment: without them git refuses repositories owned by
 * another user (CI containers, where actions/checkout trusts the workspace in the global config).
 * Read once, with one unsealed `git config --get-all safe.directory`.
 */
function trustedDirectories(env: Readonly<Record<string, string | undefined>>): string[] {
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

/**
 * Variables that say which repository, index and object store git reads. git sets them for its
 * hooks: `git commit -a`, `git commit PATH`, `-i`/`-o PATH` and `--amend -a` run the pre-commit hook
 * with GIT_INDEX_FILE naming a temporary index (what will be committed), `git --git-dir=… --work-tree=…`
 * exports GIT_DIR and GIT_WORK_TREE, and a pre-receive hook gets the quarantine's object
 * directories. They are carried into the sealed environment because without them a scan reads
 * another index than the one being committed. They name places, not programs or settings, so they
 * cannot change how git diffs (unlike GIT_CONFIG_PARAMETERS or GIT_EXTERNAL_DIFF, which stay out).
 */
const LOCATION_VARIABLES = ['GIT_INDEX_FILE', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY'];
const ALTERNATES_VARIABLE = 'GIT_ALTERNATE_OBJECT_DIRECTORIES';

/**
 * The location variables of `env`, relative paths made absolute against `cwd` (where git started
 * us: git runs hooks from the top of the work tree and passes `.git/index` relative to it, while
 * our git processes may run elsewhere). Empty values are left out, as git ignores them.
 */
function locationVariables(env: Readonly<Record<string, string | undefined>>, cwd: string): Record<string, string> {
  const carried: Record<string, string> = {};
  for (const key of LOCATION_VARIABLES) {
    const value = env[key];
    if (value !== undefined && value !== '') carried[key] = resolve(cwd, value);
  }
  const alternates = env[ALTERNATES_VARIABLE];
  if (alternates !== undefined && alternates !== '') {
    carried[ALTERNATES_VARIABLE] = alternates
      .split(delimiter)
      .map((dir) => (dir === '' || dir.startsWith('"') ? dir : resolve(cwd, dir)))
      .join(delimiter);
  }
  return carried;
}

/**
 * The environment every git process runs in (see the comments on SEALED_CONFIG and
 * LOCATION_VARIABLES), from `env` and `cwd`: by default those the entry point set.
 */
export function sealedGitEnv(env: Readonly<Record<string, string | undefined>> = gitEnvironment().env, cwd: string = gitEnvironment().cwd): Record<string, string> {
  const sealed: Record<string, string> = {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    LC_ALL: 'C',
    // `git replace` refs swap one object for another in every command: a replaced commit or blob
    // would hide what history really holds. Always read the real objects.
    GIT_NO_REPLACE_OBJECTS: '1',
  };
  for (const key of ['PATH', 'HOME', 'SYSTEMROOT', 'TMPDIR']) {
    const value = env[key];
    if (value !== undefined) sealed[key] = value;
  }
  Object.assign(sealed, locationVariables(env, cwd));
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

/**
 * The values of `keys` (lower-cased) as git itself would read them for the user: their system,
 * global and repository configuration and `git -c` settings, with the user's environment. Only
 * for settings that must match what git does with the same files (how it cleans a commit
 * message); reading config runs nothing. Missing keys, or git failing, give an empty map.
 */
export function userGitConfig(cwd: string, env: Readonly<Record<string, string | undefined>>, keys: readonly string[]): Promise<Map<string, string>> {
  const pattern = `^(${keys.map((key) => key.toLowerCase().replace(/\./g, '\\.')).join('|')})$`;
  return new Promise((done) => {
    execFile('git', ['config', '-z', '--get-regexp', pattern], { cwd, env: { ...env }, encoding: 'utf8' }, (error, stdout) => {
      const values = new Map<string, string>();
      if (error === null) {
        for (const entry of stdout.split('\0')) {
          const newline = entry.indexOf('\n');
          if (newline > 0) values.set(entry.slice(0, newline), entry.slice(newline + 1));
        }
      }
      done(values);
    });
  });
}
