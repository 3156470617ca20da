import { join } from 'node:path';
import { GitError } from '../errors.js';
import type { CommitInfo } from '../findings/index.js';
import { readRegularFile } from '../safe-fs/index.js';
import { runGit, unquoteGitPath } from '../sources/index.js';

/** Content read for a `contentPattern` check is capped: the tokens sit near the top of these files. */
const MAX_CONTENT = 1024 * 1024;

async function gitOk(root: string, args: readonly string[]): Promise<string> {
  const run = await runGit(root, args);
  if (run.code !== 0) throw new GitError('E_GIT', `git ${args[0] ?? ''} failed: ${run.stderr.split('\n')[0] ?? ''}`);
  return run.stdout;
}

function nulList(text: string): string[] {
  return [...new Set(text.split('\0').filter((path) => path !== ''))];
}

/** Paths in the index (`git ls-files -z`). */
export async function listTracked(root: string): Promise<string[]> {
  return nulList(await gitOk(root, ['ls-files', '-z']));
}

/** Untracked paths that no ignore rule covers: what `git add .` would pick up. */
export async function listUntracked(root: string): Promise<string[]> {
  return nulList(await gitOk(root, ['ls-files', '-z', '--others', '--exclude-standard']));
}

/** Paths added, copied, modified or renamed in the index: what the next commit records. */
export async function listStaged(root: string): Promise<string[]> {
  return nulList(await gitOk(root, ['diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=ACMR']));
}

/**
 * Which of `paths` the ignore rules cover, whether tracked or not (`git check-ignore --no-index`):
 * ignoring a tracked file is allowed and does nothing, which is exactly what the audit reports.
 */
export async function ignoredAmong(root: string, paths: readonly string[]): Promise<Set<string>> {
  const ignored = new Set<string>();
  for (let start = 0; start < paths.length; start += 200) {
    // `-z` needs --stdin, which runGit does not feed: read C-quoted lines instead.
    const run = await runGit(root, ['check-ignore', '--no-index', '--', ...paths.slice(start, start + 200)]);
    if (run.code > 1) throw new GitError('E_GIT', `git check-ignore failed: ${run.stderr.split('\n')[0] ?? ''}`);
    for (const line of run.stdout.split('\n')) if (line !== '') ignored.add(line.startsWith('"') ? unquoteGitPath(line) : line);
  }
  return ignored;
}

/** Paths at HEAD (or at `revision`); empty on an unborn branch. */
export async function listHeadPaths(root: string, revision = 'HEAD'): Promise<Set<string>> {
  const run = await runGit(root, ['ls-tree', '-r', '-z', '--name-only', '--end-of-options', revision]);
  return new Set(run.code === 0 ? nulList(run.stdout) : []);
}

/**
 * Every path ever added by a commit reachable from any ref (or in `range`, `BASE..HEAD`), with the
 * earliest commit that added it: one `git log --diff-filter=A` pass (newest first, so the last one
 * seen wins).
 */
export async function listEverAdded(root: string, range?: string): Promise<Map<string, CommitInfo>> {
  const revisions = range === undefined ? ['--all'] : ['--end-of-options', range];
  const run = await runGit(root, ['log', '--no-renames', '--diff-filter=A', '--name-only', '-z', '--format=%x1e%H%x1f%an%x1f%aI', ...revisions]);
  const added = new Map<string, CommitInfo>();
  if (run.code !== 0) return added; // no commits yet
  let commit: CommitInfo | undefined;
  let isFirstPath = false;
  for (const token of run.stdout.split('\0')) {
    if (token.startsWith('\x1e')) {
      const [sha = '', author = '', date = ''] = token.slice(1).split('\x1f');
      commit = { sha, author, date };
      isFirstPath = true;
      continue;
    }
    const path = isFirstPath ? token.replace(/^\n/, '') : token;
    isFirstPath = false;
    if (path !== '' && commit !== undefined) added.set(path, commit);
  }
  return added;
}

/**
 * The first MAX_CONTENT bytes of a regular file in the working tree; undefined when it cannot be
 * read or is not a regular file (a committed `.npmrc -> /dev/zero` is not followed).
 */
export async function readWorkingFile(root: string, path: string): Promise<string | undefined> {
  try {
    return (await readRegularFile(join(root, path), { maxBytes: MAX_CONTENT, shouldTruncate: true })).toString('utf8');
  } catch {
    return undefined;
  }
}

/** Content of a blob by revision spec (`:path` for the index, `sha:path`), capped; undefined when absent. */
export async function readBlob(root: string, spec: string): Promise<string | undefined> {
  const run = await runGit(root, ['cat-file', 'blob', spec]);
  return run.code === 0 ? run.stdout.slice(0, MAX_CONTENT) : undefined;
}
