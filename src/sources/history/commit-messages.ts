import type { Chunk } from '../../engine/index.js';
import { gitLines } from '../git-process.js';
import { COMMIT_MESSAGE_PATH } from '../range.js';
import type { HistoryStats } from './history-chunks.js';

const COMMIT_START = '\x1e';
const FIELD = '\x1f';

/**
 * The message of every commit reachable from any ref, as chunks named COMMIT_EDITMSG carrying the
 * commit; counts commits and notes the oldest author date. One `git log` without patches.
 */
export async function* commitMessageChunks(root: string, stats: HistoryStats): AsyncGenerator<Chunk> {
  let oldest = Number.POSITIVE_INFINITY;
  let current: { sha: string; author: string; date: string; lines: string[] } | undefined;
  const flush = function* (): Generator<Chunk> {
    if (current === undefined) return;
    const text = current.lines.join('\n').replace(/\n+$/, '');
    const { sha, author, date } = current;
    if (text.trim() !== '') yield { origin: 'history', path: COMMIT_MESSAGE_PATH, text, startLine: 1, commit: { sha, author, date } };
  };
  for await (const raw of gitLines(root, ['log', '--all', `--format=${COMMIT_START}%H${FIELD}%an <%ae>${FIELD}%aI${FIELD}%B`])) {
    const line = raw.toString('utf8');
    if (!line.startsWith(COMMIT_START)) {
      current?.lines.push(line);
      continue;
    }
    yield* flush();
    const [sha = '', author = '', date = '', ...first] = line.slice(1).split(FIELD);
    current = { sha, author, date, lines: [first.join(FIELD)] };
    stats.commits++;
    const time = Date.parse(date);
    if (time < oldest) {
      oldest = time;
      stats.oldestDate = date;
    }
  }
  yield* flush();
}
