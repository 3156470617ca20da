import type { CommitInfo } from '../../findings/index.js';
import { gitText, spawnGit } from '../git-process.js';
import { nulTokens } from '../nul-tokens.js';

/** A path a blob was committed at, with the earliest commit that put it there. */
export interface BlobPlace {
  path: string;
  commit: CommitInfo;
  /** Position of the commit in `git log` order (0 = newest): breaks ties between equal dates. */
  age: number;
}

const COMMIT_START = '\x1e';
const FIELD = '\x1f';

function keepEarliest(places: Map<string, BlobPlace>, path: string, commit: CommitInfo, age: number): void {
  const known = places.get(path);
  // git log lists newer commits first; on equal dates the later-listed (older) commit wins.
  if (known === undefined || Date.parse(commit.date) <= Date.parse(known.commit.date)) places.set(path, { path, commit, age });
}

/** Where wanted blobs were committed, and the newest commit that took each one away from a path. */
export interface BlobProvenance {
  places: Map<string, BlobPlace[]>;
  /** Blob id → the newest commit that replaced or deleted it at some path. */
  removals: Map<string, CommitInfo>;
}

function keepNewest(removals: Map<string, CommitInfo>, blob: string, commit: CommitInfo): void {
  const known = removals.get(blob);
  if (known === undefined || Date.parse(commit.date) > Date.parse(known.date)) removals.set(blob, commit);
}

/**
 * Where each wanted blob was committed: one `git log --all --raw` pass (no patches), keeping for
 * every path the earliest commit that put the blob there, and for every blob the newest commit
 * that replaced or deleted it. Merges count against their first parent, so a blob a merge
 * introduced (or removed) itself is attributed to the merge.
 */
export async function blobProvenance(root: string, wanted: ReadonlySet<string>): Promise<BlobProvenance> {
  const found = new Map<string, Map<string, BlobPlace>>();
  const removals = new Map<string, CommitInfo>();
  if (wanted.size === 0) return { places: new Map(), removals };
  const { child, done } = spawnGit(root, [
    'log',
    '--all',
    '--topo-order',
    '--raw',
    '-z',
    '--no-abbrev',
    '--no-renames',
    '--diff-merges=first-parent',
    '--no-ext-diff',
    '--no-textconv',
    `--format=${COMMIT_START}%H${FIELD}%an <%ae>${FIELD}%aI`,
  ]);
  child.stdin.end();
  let commit: CommitInfo | undefined;
  let age = -1;
  let blob: string | undefined;
  for await (const raw of nulTokens(child.stdout)) {
    const token = raw.startsWith('\n') ? raw.slice(1) : raw;
    if (blob !== undefined) {
      let places = found.get(blob);
      if (places === undefined) found.set(blob, (places = new Map()));
      if (commit !== undefined) keepEarliest(places, token, commit, age);
      blob = undefined;
    } else if (token.startsWith(COMMIT_START)) {
      const [sha = '', author = '', date = ''] = token.slice(1).split(FIELD);
      commit = { sha, author, date };
      age++;
    } else if (token.startsWith(':')) {
      const [, , before = '', sha = ''] = token.split(' ');
      if (wanted.has(sha)) blob = sha;
      if (before !== sha && wanted.has(before) && commit !== undefined) keepNewest(removals, before, commit);
    }
  }
  await done;
  return { places: new Map([...found].map(([sha, places]) => [sha, [...places.values()]])), removals };
}

/** Blob ids in HEAD's tree, or undefined when HEAD is unborn. */
export async function headBlobs(root: string): Promise<Set<string> | undefined> {
  const { child, done } = spawnGit(root, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD']);
  child.stdin.end();
  const blobs = new Set<string>();
  try {
    for await (const token of nulTokens(child.stdout)) {
      const [, type, sha] = token.split('\t')[0]?.split(' ') ?? [];
      if (type === 'blob' && sha !== undefined) blobs.add(sha);
    }
    await done;
  } catch {
    return undefined;
  }
  return blobs;
}

/** The commit HEAD names; undefined when HEAD is unborn. */
export async function headCommitSha(root: string): Promise<string | undefined> {
  const sha = (await gitText(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).catch(() => '')).trim();
  return sha === '' ? undefined : sha;
}
