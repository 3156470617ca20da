import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { NATIVE_HOOK } from '../../../src/init/index.js';
import { runGit } from '../git-fixture.js';

// The package as users get it: `npm pack` of this checkout (already built), installed as a
// devDependency of a project, and the pre-commit hook that the installed `secretscan init` writes.

function runTool(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
  if (result.error !== undefined) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${String(result.status)}:\n${result.stderr.trim().split('\n').slice(-5).join('\n')}`);
  return result.stdout;
}

/**
 * Packs the package at `root` into `dir` as `npm publish` would (its prepack step builds and trims
 * package.json) and returns the tarball's path.
 */
export function packPackage(root: string, dir: string): string {
  runTool('npm', ['pack', '--silent', '--pack-destination', dir], root, process.env);
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack left no tarball in ${dir}`);
  return join(dir, tarball);
}

/**
 * Turns the repository at `dir` into a project with the tarball installed as a devDependency
 * (`npm install -D`, the registry or npm's cache supplying the dependencies). node_modules is
 * excluded through .git/info/exclude, so nothing staged changes.
 */
export function installTarball(dir: string, tarball: string): void {
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'staged-bench-project', version: '1.0.0', private: true }, null, 2)}\n`);
  appendFileSync(join(dir, '.git', 'info', 'exclude'), '/node_modules/\n/package.json\n/package-lock.json\n/.husky/\n/.secretscan.yaml\n');
  runTool('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball], dir, process.env);
}

/** The hook a run will time: the file, and how git (or husky 9) starts it. */
export interface InstalledHook {
  path: string;
  isHusky: boolean;
  /** How it came about: the installed `secretscan init`, or written by the bench when init wrote none. */
  how: string;
}

function hooksDir(dir: string): string {
  const path = runGit(dir, ['rev-parse', '--git-path', 'hooks']).trim();
  return isAbsolute(path) ? path : join(dir, path);
}

/**
 * Runs the installed `secretscan init` in the project and finds the pre-commit hook it wrote:
 * `.husky/pre-commit` (husky 9 runs it with `sh -e`) or the native hook. When init fails or
 * writes none, the bench installs the native hook itself and says so.
 */
export function initHook(dir: string, env: NodeJS.ProcessEnv): InstalledHook {
  const init = spawnSync(join(dir, 'node_modules', '.bin', 'secretscan'), ['init'], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const husky = join(dir, '.husky', 'pre-commit');
  if (init.status === 0 && existsSync(husky)) return { path: husky, isHusky: true, how: 'written by the installed `secretscan init` (husky)' };
  const native = join(hooksDir(dir), 'pre-commit');
  if (init.status === 0 && existsSync(native)) return { path: native, isHusky: false, how: 'written by the installed `secretscan init` (git hook)' };
  writeFileSync(native, NATIVE_HOOK, { mode: 0o755 });
  const why = init.status === 0 ? 'it wrote no pre-commit hook' : `it exited ${String(init.status)}: ${(init.stderr || init.stdout).trim().split('\n')[0] ?? ''}`;
  return { path: native, isHusky: false, how: `the git hook \`secretscan init\` writes, written by the bench (init: ${why})` };
}
