import { runGit } from './git-process.js';
import { repositoryNameOf } from './repository-name.js';

/** Which repository a report is about, and at which commit. */
export interface RepositoryIdentity {
  /** `host/owner/name` from the `origin` remote (credentials left out); absent without one. */
  name?: string;
  /** The commit HEAD named when the scan ran (40 or 64 hex digits); absent when HEAD is unborn. */
  commit?: string;
}

/**
 * The repository at `root` as reports name it: its `origin` URL, normalised by repositoryNameOf
 * (read from the repository's own config; `insteadOf` rewrites are not applied), and HEAD's commit.
 */
export async function repositoryIdentityOf(root: string): Promise<RepositoryIdentity> {
  const [remote, head] = await Promise.all([runGit(root, ['config', '--get', 'remote.origin.url']), runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])]);
  const identity: RepositoryIdentity = {};
  const name = remote.code === 0 ? repositoryNameOf(remote.stdout) : undefined;
  if (name !== undefined) identity.name = name;
  const commit = head.stdout.trim();
  if (head.code === 0 && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(commit)) identity.commit = commit;
  return identity;
}
