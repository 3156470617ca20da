import { execFileSync } from 'node:child_process';

/**
 * Git runs sealed: no system or global config (a user's aliases, diff drivers or hooks cannot change
 * what we see), no prompts, a fixed locale, no fsmonitor, no replace refs, and paths printed raw.
 */
export const SEALED_CONFIG = ['core.quotePath=off', 'core.fsmonitor=false', 'diff.external=', 'color.ui=false'];

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
    // `git replace` refs swap one object for another in every command: a replaced commit or blob
    // would hide what history really holds. Always read the real objects.
    GIT_NO_REPLACE_OBJECTS: '1',
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

