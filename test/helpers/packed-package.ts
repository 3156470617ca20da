import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureGitEnv, git } from './git-repo.js';
import { afterAll } from 'vitest';
import { makeTempDir } from './temp-dir.js';

/**
 * Installing secretscan the ways the README documents, from this working tree: a copy of it as a
 * git repository (so uncommitted changes count), packed with `npm pack` or installed by git URL.
 * npm talks to the registry only (for dependencies) through a cache outside the repository
 * (`SECRETSCAN_NPM_CACHE`, default `~/.cache/secretscan-test-npm`), never to a user config.
 */

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const suiteDirs: string[] = [];
afterAll(async () => {
  await Promise.all(suiteDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A temporary directory that lives until the test file ends (for beforeAll set-ups). */
async function makeSuiteDir(prefix: string): Promise<string> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), prefix)));
  suiteDirs.push(dir);
  return dir;
}

/** What npm needs from the outside to reach the registry: certificates and proxies. */
const NETWORK_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'https_proxy', 'http_proxy', 'no_proxy'];

/** The environment npm, git and hooks run in: hermetic git, a private npm cache and config. */
export function npmEnv(extraPath: string[] = []): NodeJS.ProcessEnv {
  const cache = process.env.SECRETSCAN_NPM_CACHE || join(homedir(), '.cache', 'secretscan-test-npm');
  const network = Object.fromEntries(NETWORK_VARIABLES.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]]));
  return {
    ...fixtureGitEnv(),
    ...network,
    PATH: [...extraPath, dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
    npm_config_cache: cache,
    // A user config that does not exist: nothing from the developer's ~/.npmrc.
    npm_config_userconfig: join(cache, 'no-user-config'),
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'warn',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    NO_COLOR: '1',
  };
}

/** Runs a command; throws with its output when it fails. */
export function runOk(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? npmEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}\n${result.stdout}\n${result.stderr}`);
  return result;
}

/**
 * A git repository holding this working tree's files (tracked and untracked-but-not-ignored), one
 * commit, with this tree's node_modules linked in (not committed) so builds need no install.
 * Returns its path and commit.
 */
export async function sourceRepository(options: { shouldLinkNodeModules: boolean }): Promise<{ dir: string; commit: string }> {
  const dir = await makeSuiteDir('secretscan-source-');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], { cwd: PACKAGE_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await copyFile(join(PACKAGE_ROOT, file), join(dir, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error; // deleted in the working tree, not yet in the index
    });
  }
  git(dir, ['init', '-q']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'source']);
  if (options.shouldLinkNodeModules) {
    await writeFile(join(dir, '.git', 'info', 'exclude'), 'node_modules\n');
    await symlink(join(PACKAGE_ROOT, 'node_modules'), join(dir, 'node_modules'));
  }
  return { dir, commit: git(dir, ['rev-parse', 'HEAD']).trim() };
}

/** `npm pack` in `source` into a new folder: the tarball's path and npm's stdout. */
export async function packTarball(source: string): Promise<{ tarball: string; stdout: string }> {
  const destination = await makeSuiteDir('secretscan-pack-');
  const { stdout } = runOk('npm', ['pack', '--pack-destination', destination], { cwd: source });
  return { tarball: join(destination, stdout.trim()), stdout };
}

/** A new git repository with `files`, committed, for a user's project. */
export async function userProject(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir('secretscan-project-');
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  git(dir, ['init', '-q']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'start']);
  return dir;
}

/** `git commit -m MESSAGE` with hooks, in `npmEnv(extraPath)`. */
export function commit(repo: string, message: string, extraPath: string[] = []): SpawnSyncReturns<string> {
  return spawnSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message], { cwd: repo, env: npmEnv(extraPath), encoding: 'utf8' });
}
