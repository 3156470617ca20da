import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRepo, fixtureGitEnv, git, type RepoSpec } from './git-repo.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT_BIN = join(PACKAGE_ROOT, 'dist', 'cli', 'bin.mjs');
const HUSKY_BIN = join(PACKAGE_ROOT, 'node_modules', 'husky', 'bin.js');

/** How git reaches the hook: a plain `.git/hooks/<name>` script, or husky 9's own runner. */
export type HookRunner = 'plain' | 'husky';

/** Which hooks to install: the pre-commit scan, and optionally the commit-msg scan. */
export type HookName = 'pre-commit' | 'commit-msg';

const SCAN_ARGS: Record<HookName, string> = {
  'pre-commit': 'scan --staged',
  'commit-msg': 'scan --commit-msg "$1"',
};

/** The built CLI as a shell command line (quoted absolute paths). */
function cliCommand(): string {
  if (!existsSync(BUILT_BIN)) throw new Error(`${BUILT_BIN} is missing: run \`npm run build\` first`);
  return `"${process.execPath}" "${BUILT_BIN}"`;
}

/**
 * Installs `hooks` in `repo`. Plain: executable scripts in `.git/hooks`. Husky: `.husky/<name>`
 * files, then husky's own `bin.js` run in the repository, which sets `core.hooksPath` to
 * `.husky/_` and writes its runner there (what `prepare: husky` does on `npm install`).
 */
export async function installHooks(repo: string, runner: HookRunner, hooks: readonly HookName[]): Promise<void> {
  for (const name of hooks) {
    const line = `${cliCommand()} ${SCAN_ARGS[name]}\n`;
    if (runner === 'plain') {
      const file = join(repo, '.git', 'hooks', name);
      await writeFile(file, `#!/bin/sh\nexec ${line}`);
      await chmod(file, 0o755);
    } else {
      await mkdir(join(repo, '.husky'), { recursive: true });
      await writeFile(join(repo, '.husky', name), line);
    }
  }
  if (runner === 'husky') {
    const run = spawnSync(process.execPath, [HUSKY_BIN], { cwd: repo, env: fixtureGitEnv(), encoding: 'utf8' });
    if (run.status !== 0 || git(repo, ['config', 'core.hooksPath']).trim() !== '.husky/_') throw new Error(`husky did not install: ${run.stdout}${run.stderr}`);
  }
}

/** A fixture repository (see createRepo) with `hooks` installed through `runner`. */
export async function createHookedRepo(runner: HookRunner, spec: RepoSpec, hooks: readonly HookName[] = ['pre-commit']): Promise<string> {
  const repo = await createRepo(spec);
  await installHooks(repo, runner, hooks);
  return repo;
}

/** What one git command run with hooks enabled produced. */
export interface HookedRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `git ...args` in `repo` with hooks enabled, the fixture identity and no colour. `editor`
 * becomes GIT_EDITOR (a shell command git runs with the message file as its argument).
 */
export function gitWithHooks(repo: string, args: readonly string[], options: { editor?: string; cwd?: string } = {}): HookedRun {
  const env: NodeJS.ProcessEnv = { ...fixtureGitEnv(), NO_COLOR: '1', GIT_EDITOR: options.editor ?? 'false' };
  const run = spawnSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: options.cwd ?? repo, env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The commit HEAD points at (to check that a blocked commit left it alone). */
export function headOf(repo: string): string {
  return git(repo, ['rev-parse', 'HEAD']).trim();
}

/** The text of `path` as HEAD holds it (undefined when HEAD does not have it). */
export function committedText(repo: string, path: string): string | undefined {
  const run = spawnSync('git', ['show', `HEAD:${path}`], { cwd: repo, env: fixtureGitEnv(), encoding: 'utf8' });
  return run.status === 0 ? run.stdout : undefined;
}
