import { execFileSync } from 'node:child_process';
import { fixtureGitEnv } from '../helpers/git-repo.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** Runs git outside any repository (clone), with the fixture environment. */
export function gitAt(cwd: string, args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, env: fixtureGitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A bare copy of `source`, to serve as the workspace's "origin" over file:// (no network). */
export async function bareOrigin(source: string): Promise<string> {
  const origin = await makeTempDir('secretscan-origin-');
  gitAt(origin, ['clone', '-q', '--bare', source, origin]);
  return origin;
}

/** Clones `origin` as a workspace; `args` such as `--depth 1 --branch feature --single-branch`. */
export async function cloneWorkspace(origin: string, args: string[] = []): Promise<string> {
  const workspace = await makeTempDir('secretscan-workspace-');
  gitAt(workspace, ['clone', '-q', ...args, `file://${origin}`, workspace]);
  return workspace;
}

/**
 * A workspace as actions/checkout leaves it for a pull request: an empty repository with origin
 * set, one commit of `ref` fetched (depth 1) and checked out detached.
 */
export async function checkoutLikeActions(origin: string, ref: string): Promise<string> {
  const workspace = await makeTempDir('secretscan-workspace-');
  gitAt(workspace, ['init', '-q']);
  gitAt(workspace, ['remote', 'add', 'origin', `file://${origin}`]);
  gitAt(workspace, ['fetch', '-q', '--no-tags', '--depth=1', 'origin', `+${ref}:refs/remotes/pull/1/merge`]);
  gitAt(workspace, ['checkout', '-q', '--detach', 'refs/remotes/pull/1/merge']);
  return workspace;
}
