import type { Finding } from '../findings/index.js';
import { loadCatalogue } from '../sensitive-files/index.js';
import { runGit } from '../sources/index.js';
import { secretFileOf, type SecretFile } from './file-kind.js';

/**
 * Where a secret lives, as git sees it: `working-tree` (never committed: only in files or the
 * index), `unpushed` (committed, but no remote-tracking ref reaches a commit that holds it) or
 * `pushed` (some remote-tracking ref reaches one).
 */
export type SecretPlace = 'working-tree' | 'unpushed' | 'pushed';

/** What the scans found about one secret (one secretId): the findings that share it, per source. */
export interface SecretEvidence {
  /** The history scan's finding for the secret (grouped: every path and introducing commit). */
  history?: Finding;
  /** Working-tree scan findings for the secret (one per file it is in). */
  workingTree?: readonly Finding[];
  /** `--staged` scan findings for the secret (added in the index, not yet committed). */
  staged?: readonly Finding[];
  /** Findings in HEAD's files as committed (one per occurrence, with its line). */
  head?: readonly Finding[];
  /** Findings from any other source (e.g. a `--range` scan), used for their paths and commits. */
  other?: readonly Finding[];
}

/** A secret's place, and the facts its plan needs. */
export interface SecretLocation {
  place: SecretPlace;
  /** A blob holding the secret is in HEAD's tree (from the history scan; false when never committed). */
  isAtHead: boolean;
  /** Some file in the working tree holds it now. */
  isInWorkingTree: boolean;
  /** The index adds it (relative to HEAD): `git restore --staged` takes it out. */
  isStaged: boolean;
  /** Every repository-relative path it was seen at, sorted. */
  paths: string[];
  /** What each of `paths` is, by the catalogue of secret-bearing files. */
  files: Record<string, SecretFile>;
  /** Commits that introduced it, oldest first (full SHAs). */
  commits: string[];
  /** Remote-tracking refs (e.g. `origin/main`) that reach an introducing commit, sorted. */
  remoteRefs: string[];
  /** Remotes those refs belong to (e.g. `origin`), sorted. */
  remotes: string[];
}

function allFindings(evidence: SecretEvidence): Finding[] {
  return [...(evidence.history === undefined ? [] : [evidence.history]), ...(evidence.workingTree ?? []), ...(evidence.staged ?? []), ...(evidence.head ?? []), ...(evidence.other ?? [])];
}

/** Introducing commits with their dates, oldest first, each once. */
function introducingCommits(evidence: SecretEvidence): string[] {
  const dated = new Map<string, string>();
  for (const finding of allFindings(evidence)) {
    if (finding.commit !== undefined) dated.set(finding.commit.sha, finding.commit.date);
    for (const occurrence of finding.occurrences ?? []) if (occurrence.commit !== undefined) dated.set(occurrence.commit.sha, occurrence.commit.date);
  }
  return [...dated].sort(([shaA, dateA], [shaB, dateB]) => (dateA < dateB ? -1 : dateA > dateB ? 1 : shaA < shaB ? -1 : shaA > shaB ? 1 : 0)).map(([sha]) => sha);
}

function pathsOf(evidence: SecretEvidence): string[] {
  const paths = new Set<string>();
  for (const finding of allFindings(evidence)) {
    paths.add(finding.path);
    for (const occurrence of finding.occurrences ?? []) paths.add(occurrence.path);
  }
  return [...paths].sort();
}

/** Remote-tracking refs (short names, without the `<remote>/HEAD` aliases) that contain `sha`. */
async function remoteRefsContaining(root: string, sha: string): Promise<string[]> {
  const run = await runGit(root, ['for-each-ref', '--contains', sha, '--format=%(refname)', 'refs/remotes']);
  if (run.code !== 0) return [];
  return run.stdout
    .split('\n')
    .filter((ref) => ref.startsWith('refs/remotes/') && !ref.endsWith('/HEAD'))
    .map((ref) => ref.slice('refs/remotes/'.length));
}

/**
 * Classifies one secret from what the scans found and from git. `root` is the repository root
 * (undefined outside git: then everything is `working-tree`). Whether HEAD still holds it comes
 * from the history scan (a blob holding it is in HEAD's tree), which re-scans HEAD's versions with
 * the same rules; no raw secret is ever passed to git.
 */
export async function locateSecret(root: string | undefined, evidence: SecretEvidence): Promise<SecretLocation> {
  const commits = introducingCommits(evidence);
  const paths = pathsOf(evidence);
  const catalogue = await loadCatalogue();
  const base = {
    isAtHead: evidence.history?.isPresentAtHead === true,
    isInWorkingTree: (evidence.workingTree ?? []).length > 0,
    isStaged: (evidence.staged ?? []).length > 0,
    paths,
    files: Object.fromEntries(paths.map((path) => [path, secretFileOf(path, catalogue)])),
    commits,
  };
  if (root === undefined || commits.length === 0) {
    return { ...base, place: 'working-tree', remoteRefs: [], remotes: [] };
  }
  const refs = new Set<string>();
  for (const sha of commits) for (const ref of await remoteRefsContaining(root, sha)) refs.add(ref);
  const remoteRefs = [...refs].sort();
  const remotes = [...new Set(remoteRefs.map((ref) => ref.split('/')[0] ?? ref))].sort();
  return { ...base, place: remoteRefs.length > 0 ? 'pushed' : 'unpushed', remoteRefs, remotes };
}
