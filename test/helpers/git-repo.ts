import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeTempDir } from './temp-dir.js';

/** File contents by path; `null` deletes the file. */
export type FileMap = Record<string, string | Buffer | null>;

/** A fixture repository: commits in order, then optional staged and untracked changes. */
export interface RepoSpec {
  commits?: { files: FileMap; message?: string }[];
  /** Written and `git add`ed after the last commit. */
  staged?: FileMap;
  /** Written but not added. */
  untracked?: FileMap;
  /** Create with `git init --bare` instead (commits are then not allowed). */
  isBare?: boolean;
}

const FIXED_DATE = '2024-01-02T03:04:05Z';

/** The sealed environment fixture git runs in: no user config, fixed identity and dates. */
export function fixtureGitEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: '/nonexistent',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Fixture Author',
    GIT_AUTHOR_EMAIL: 'author@example.test',
    GIT_COMMITTER_NAME: 'Fixture Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.test',
    GIT_AUTHOR_DATE: FIXED_DATE,
    GIT_COMMITTER_DATE: FIXED_DATE,
    LC_ALL: 'C',
  };
}

/** Runs git in `cwd` with the fixture environment and returns stdout. */
export function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    env: fixtureGitEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function writeFiles(root: string, files: FileMap): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    if (content === null) {
      await rm(full, { force: true });
      continue;
    }
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  }
}

/** Builds a repository in a temp dir (removed after the test) and returns its path. */
export async function createRepo(spec: RepoSpec = {}): Promise<string> {
  const root = await makeTempDir('secretscan-repo-');
  git(root, spec.isBare === true ? ['init', '--bare', '-q'] : ['init', '-q']);
  for (const [index, commit] of (spec.commits ?? []).entries()) {
    await writeFiles(root, commit.files);
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '--allow-empty', '-m', commit.message ?? `commit ${index + 1}`]);
  }
  if (spec.staged !== undefined) {
    await writeFiles(root, spec.staged);
    git(root, ['add', '-A', '--', ...Object.keys(spec.staged)]);
  }
  if (spec.untracked !== undefined) await writeFiles(root, spec.untracked);
  return root;
}
