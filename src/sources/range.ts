import type { Chunk, ScanInput } from '../engine/index.js';
import { GitError, UsageError } from '../errors.js';
import type { CommitInfo } from '../findings/index.js';
import { parseMessageObject, type MessageObject } from './commit-object.js';
import { DiffChunker, type DiffSourceOptions } from './diff-chunks.js';
import { catObjects } from './history/blob-stream.js';
import { COMMIT_MESSAGE_PATH } from './message-paths.js';
import { gitLines, gitText } from './git-process.js';
import { DIFF_ARGS } from './staged.js';
import { UnifiedDiffParser } from './unified-diff.js';

export { COMMIT_MESSAGE_PATH } from './message-paths.js';

/**
 * The patch stream marks each commit with one line: a record separator and the full sha, nothing
 * else. The message and author come from the commit objects themselves (see rangeMessages): a
 * message is free text and may hold any control character, so it never shares a stream with
 * separators. Diff lines start with `+`, `-`, ` `, `\\` or a git header, and git quotes control
 * characters in paths, so no other line can start with the separator.
 */
const COMMIT_START = '\x1e';
const COMMIT_LINE = /^\x1e([0-9a-f]{40}|[0-9a-f]{64})$/;
const LOG_FORMAT = `--format=${COMMIT_START}%H`;

const SHALLOW_HINT = 'this clone is shallow: fetch the missing history (`git fetch --deepen=100`, or `git fetch --unshallow`); in GitHub Actions set `fetch-depth: 0` on actions/checkout';

async function isShallow(root: string): Promise<boolean> {
  return (await gitText(root, ['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
}

async function resolveCommit(root: string, rev: string, range: string): Promise<string> {
  if (rev.startsWith('-')) throw new UsageError(`--range ${range}: a revision cannot start with "-"`);
  const sha = (await gitText(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).catch(() => '')).trim();
  if (sha !== '') return sha;
  if (await isShallow(root)) {
    throw new GitError('E_GIT', `--range ${range}: commit "${rev}" is not in this repository`, { hint: SHALLOW_HINT });
  }
  throw new UsageError(`--range ${range}: "${rev}" is not a commit in this repository`, 'use BASE..HEAD with branch names, tags or commit shas (`git log --oneline` lists them)');
}

/** The commits `BASE..HEAD` covers; `BASE...HEAD` means from their merge base, as in `git diff`. */
export async function resolveRange(root: string, range: string): Promise<{ base: string; head: string }> {
  const match = /^(.+?)(\.\.\.?)(.*)$/.exec(range);
  if (match === null) throw new UsageError(`--range ${range} is not a range`, 'write BASE..HEAD or BASE...HEAD, e.g. origin/main..HEAD');
  const [, baseRev = '', dots, headRev] = match;
  const head = await resolveCommit(root, headRev === '' ? 'HEAD' : (headRev ?? 'HEAD'), range);
  const base = await resolveCommit(root, baseRev, range);
  if (dots === '..') return { base, head };
  const mergeBase = (await gitText(root, ['merge-base', base, head]).catch(() => '')).trim();
  if (mergeBase === '') {
    throw new GitError('E_GIT', `--range ${range}: the two sides have no common ancestor in this clone`, { hint: (await isShallow(root)) ? SHALLOW_HINT : 'use BASE..HEAD instead' });
  }
  return { base: mergeBase, head };
}

const COMMIT = new Set(['commit']);

/** Author, date and message of every commit in `base..head`, by sha, read as raw objects. */
async function rangeMessages(root: string, base: string, head: string): Promise<Map<string, MessageObject>> {
  const messages = new Map<string, MessageObject>();
  for await (const object of catObjects(root, [`${base}..${head}`], COMMIT)) {
    if (object.type === 'commit') messages.set(object.sha, parseMessageObject(object.sha, object.content));
  }
  return messages;
}

/**
 * The added lines of every commit in the range, oldest first, each chunk carrying its commit; merge
 * commits contribute only lines in neither parent. Commit messages are scanned too.
 */
export async function* rangeChunks(root: string, range: string, options: DiffSourceOptions): AsyncGenerator<ScanInput> {
  const { base, head } = await resolveRange(root, range);
  const messages = await rangeMessages(root, base, head);
  const parser = new UnifiedDiffParser();
  const chunker = new DiffChunker(root, 'range', options);
  const args = ['log', '--reverse', '--topo-order', '-p', '--cc', ...DIFF_ARGS, '--diff-filter=ACMRT', LOG_FORMAT, `${base}..${head}`, '--'];
  let commit: CommitInfo | undefined;
  for await (const raw of gitLines(root, args)) {
    const line = raw.toString('utf8');
    const marker = line.startsWith(COMMIT_START) ? COMMIT_LINE.exec(line) : null;
    if (marker !== null) {
      yield* chunker.chunks(parser.end(), commit);
      const sha = marker[1] ?? '';
      const found = messages.get(sha);
      commit = found?.commit ?? { sha, author: '', date: '' };
      if (found !== undefined) yield* messageChunk(found.message, commit);
      continue;
    }
    yield* chunker.chunks(parser.line(line), commit);
  }
  yield* chunker.chunks(parser.end(), commit);
}

function* messageChunk(text: string, commit: CommitInfo): Generator<Chunk> {
  if (text.trim() === '') return;
  yield { origin: 'range', path: COMMIT_MESSAGE_PATH, text, startLine: 1, commit };
}
