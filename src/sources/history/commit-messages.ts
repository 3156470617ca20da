import type { Chunk } from '../../engine/index.js';
import { parseMessageObject } from '../commit-object.js';
import { COMMIT_MESSAGE_PATH, TAG_MESSAGE_PATH } from '../message-paths.js';
import { catObjects } from './blob-stream.js';
import type { HistoryStats } from './history-chunks.js';

const COMMIT = new Set(['commit']);
const TAG = new Set(['tag']);

/**
 * The message of every commit reachable from any ref, as chunks named COMMIT_EDITMSG carrying the
 * commit, then the message of every annotated tag (TAG_EDITMSG, carrying the tag object and its
 * tagger). Read as raw objects through `git cat-file --batch`, so a control character in a
 * message cannot cut it short or forge another record. Counts commits; notes the oldest author date.
 */
export async function* commitMessageChunks(root: string, stats: HistoryStats): AsyncGenerator<Chunk> {
  let oldest = Number.POSITIVE_INFINITY;
  for await (const object of catObjects(root, ['--all'], COMMIT)) {
    if (object.type !== 'commit') continue;
    const { commit, message } = parseMessageObject(object.sha, object.content);
    stats.commits++;
    const time = Date.parse(commit.date);
    if (time < oldest) {
      oldest = time;
      stats.oldestDate = commit.date;
    }
    if (message.trim() !== '') yield { origin: 'history', path: COMMIT_MESSAGE_PATH, text: message, startLine: 1, commit };
  }
  // Tag objects, nested ones included; rev-list also prints one tip commit, which is skipped.
  for await (const object of catObjects(root, ['--objects', '--all', '--filter=object:type=tag'], TAG)) {
    if (object.type !== 'tag') continue;
    const { commit, message } = parseMessageObject(object.sha, object.content);
    if (message.trim() !== '') yield { origin: 'history', path: TAG_MESSAGE_PATH, text: message, startLine: 1, commit };
  }
}
