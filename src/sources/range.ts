import type { Chunk, ScanInput } from '../engine/index.js';
import { GitError, UsageError } from '../errors.js';
import type { CommitInfo } from '../findings/index.js';
import { DiffChunker, type DiffSourceOptions } from './diff-chunks.js';
import { gitLines, gitText } from './git-process.js';
import { DIFF_ARGS } from './staged.js';
import { UnifiedDiffParser } from './unified-diff.js';

/** The path commit messages are reported under, as git names the message file. */
export const COMMIT_MESSAGE_PATH = 'COMMIT_EDITMSG';

const COMMIT_START = '\x1e';
const FIELD = '\x1f';
const MESSAGE_END = '\x1d';
const LOG_FORMAT = `--format=${COMMIT_START}%H${FIELD}%an <%ae>${FIELD}%aI${FIELD}%B${MESSAGE_END}`;

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

function parseCommitHeader(line: string): { commit: CommitInfo; message: string } {
  const [sha = '', author = '', date = '', ...rest] = line.slice(1).split(FIELD);
  return { commit: { sha, author, date }, message: rest.join(FIELD) };
}

/**
 * The added lines of every commit in the range, oldest first, each chunk carrying its commit; merge
 * commits contribute only lines in neither parent. Commit messages are scanned too.
 */
export async function* rangeChunks(root: string, range: string, options: DiffSourceOptions): AsyncGenerator<ScanInput> {
  const { base, head } = await resolveRange(root, range);
  const parser = new UnifiedDiffParser();
  const chunker = new DiffChunker(root, 'range', options);
  const args = ['log', '--reverse', '--topo-order', '-p', '--cc', ...DIFF_ARGS, '--diff-filter=ACMRT', LOG_FORMAT, `${base}..${head}`, '--'];
  let commit: CommitInfo | undefined;
  let message: string[] | undefined;
  for await (const raw of gitLines(root, args)) {
    const line = raw.toString('utf8');
    if (message !== undefined) {
      const end = line.indexOf(MESSAGE_END);
      message.push(end === -1 ? line : line.slice(0, end));
      if (end === -1) continue;
      yield* messageChunk(message, commit);
      message = undefined;
      continue;
    }
    if (line.startsWith(COMMIT_START)) {
      yield* chunker.chunks(parser.end(), commit);
      const header = parseCommitHeader(line);
      commit = header.commit;
      const end = header.message.indexOf(MESSAGE_END);
      if (end === -1) message = [header.message];
      else yield* messageChunk([header.message.slice(0, end)], commit);
      continue;
    }
    yield* chunker.chunks(parser.line(line), commit);
  }
  yield* chunker.chunks(parser.end(), commit);
}

function* messageChunk(lines: string[], commit: CommitInfo | undefined): Generator<Chunk> {
  const text = lines.join('\n');
  if (text.trim() === '' || commit === undefined) return;
  yield { origin: 'range', path: COMMIT_MESSAGE_PATH, text, startLine: 1, commit };
}
