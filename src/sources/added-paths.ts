import type { CommitInfo } from '../findings/index.js';
import { spawnGit } from './git-process.js';
import { nulTokens } from './nul-tokens.js';
import { resolveRange } from './range.js';

/** A path a scan visits: a file of the tree, or a path a commit (or the index) adds. */
export interface VisitedPath {
  path: string;
  /** The earliest commit that added the path (range and history scans). */
  commit?: CommitInfo;
}

const FIELD = '\x1f';

/**
 * Each commit's record starts with an empty token (the format begins with a NUL), then the header;
 * a path is never empty, so no file name can pass for a header. Added paths follow, the first one
 * after the newline git puts behind the header.
 */
const LOG_ARGS = ['--name-only', '-z', '--no-renames', '--diff-filter=A', '--no-ext-diff', '--no-textconv', `--format=%x00%H${FIELD}%an <%ae>${FIELD}%aI`];

/** The paths the git command lists (NUL-separated, each once, first listing kept), with their commits when it prints log headers. */
async function listedPaths(root: string, args: readonly string[]): Promise<VisitedPath[]> {
  const { child, done } = spawnGit(root, args);
  child.stdin.end();
  const seen = new Map<string, VisitedPath>();
  let commit: CommitInfo | undefined;
  let isHeaderNext = false;
  let isFirstPath = false;
  for await (const token of nulTokens(child.stdout)) {
    if (token === '') {
      isHeaderNext = true;
    } else if (isHeaderNext) {
      const [sha = '', author = '', date = ''] = token.split(FIELD);
      commit = { sha, author, date };
      isHeaderNext = false;
      isFirstPath = true;
    } else {
      const path = isFirstPath && token.startsWith('\n') ? token.slice(1) : token;
      isFirstPath = false;
      if (!seen.has(path)) seen.set(path, commit === undefined ? { path } : { path, commit });
    }
  }
  await done;
  return [...seen.values()];
}

/** Paths the index adds against HEAD (a rename's new path included). */
export function stagedAddedPaths(root: string): Promise<VisitedPath[]> {
  return listedPaths(root, ['diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=A', '--no-ext-diff', '--no-textconv', '--']);
}

/** Paths the commits of `range` add, each with the oldest commit that added it. */
export async function rangeAddedPaths(root: string, range: string): Promise<VisitedPath[]> {
  const { base, head } = await resolveRange(root, range);
  return listedPaths(root, ['log', '--reverse', '--topo-order', ...LOG_ARGS, `${base}..${head}`, '--']);
}

/** Paths any commit reachable from a ref adds, each with the oldest commit that added it. */
export function historyAddedPaths(root: string): Promise<VisitedPath[]> {
  return listedPaths(root, ['log', '--all', '--reverse', '--topo-order', ...LOG_ARGS, '--']);
}
