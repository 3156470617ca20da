import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureGitEnv } from '../helpers/git-repo.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT_BIN = join(PACKAGE_ROOT, 'dist', 'cli', 'bin.mjs');

/** What a `git commit` run through the installed hooks produced. */
export interface CommitRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A folder holding a `secretscan` wrapper that runs the built CLI, to put on the hook's PATH. */
export async function scannerOnPath(): Promise<string> {
  if (!existsSync(BUILT_BIN)) throw new Error(`${BUILT_BIN} is missing: run \`npm run build\` first`);
  const dir = await makeTempDir('secretscan-bin-');
  const wrapper = join(dir, 'secretscan');
  await writeFile(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${BUILT_BIN}" "$@"\n`);
  await chmod(wrapper, 0o755);
  return dir;
}

function hasScanner(dir: string): boolean {
  try {
    accessSync(join(dir, 'secretscan'), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** PATH without any folder that holds a `secretscan`: the "not installed" case. */
export function pathWithoutScanner(): string {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '' && !hasScanner(dir))
    .join(delimiter);
}

/** Runs `git commit` in `repo` with hooks enabled; `binDir` (if given) goes first on PATH. */
export function commitThroughHook(repo: string, binDir: string | undefined, message = 'add a change'): CommitRun {
  const path = binDir === undefined ? pathWithoutScanner() : [binDir, process.env.PATH ?? ''].join(delimiter);
  const result = spawnSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message], {
    cwd: repo,
    env: { ...fixtureGitEnv(), PATH: path, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes `files` into `repo` and stages them. */
export async function stageFiles(repo: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(repo, path, '..'), { recursive: true });
    await writeFile(join(repo, path), text);
  }
  spawnSync('git', ['add', '--', ...Object.keys(files)], { cwd: repo, env: fixtureGitEnv() });
}
