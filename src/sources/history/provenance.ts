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

/**
 * Where each wanted blob was committed: one `git log --all --raw` pass (no patches), keeping for
 * every path the earliest commit that put the blob there. Merges count against their first parent,
 * so a blob a merge introduced itself is attributed to the merge.
 */
export async function blobProvenance(root: string, wanted: ReadonlySet<string>): Promise<Map<string, BlobPlace[]>> {
  const found = new Map<string, Map<string, BlobPlace>>();
  if (wanted.size === 0) return new Map();
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
      const sha = token.split(' ')[3] ?? '';
      if (wanted.has(sha)) blob = sha;
    }
  }
  await done;
  return new Map([...found].map(([sha, places]) => [sha, [...places.values()]]));
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
