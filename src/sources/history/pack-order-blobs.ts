import { GitError } from '../../errors.js';
import { gitLines, spawnGit } from '../git-process.js';
import { BatchParser, type BatchObject } from './batch-parser.js';

/** A reachable blob of a history audit, named by the first path rev-list reached it by. */
export type HistoryBlob =
  | { kind: 'blob'; sha: string; path: string; size: number; content: Buffer }
  /** Larger than the size limit: counted, its content never read. */
  | { kind: 'too-large'; sha: string; path: string; size: number }
  /** Reachable but not readable (corrupt, or not fetched in a partial clone). */
  | { kind: 'missing'; sha: string; path: string };

/** Content requested from `git cat-file --batch` ahead of what was handed on, in bytes. */
const READ_AHEAD_BYTES = 4 * 1024 * 1024;
/** Objects requested ahead, however small. */
const READ_AHEAD_OBJECTS = 4096;

/**
 * Reachable blob names and their first paths, as `git rev-list --objects --all` prints them, in a
 * map filled while the walk runs; `done` resolves when the walk has ended.
 */
function walkReachable(root: string): { paths: Map<string, string>; done: Promise<void>; isDone: () => boolean; stop: () => void } {
  const paths = new Map<string, string>();
  let ended = false;
  const lines = gitLines(root, ['rev-list', '--objects', '--all', '--filter=object:type=blob']);
  const done = (async () => {
    try {
      for await (const line of lines) {
        const text = line.toString('utf8');
        const space = text.indexOf(' ');
        // The walk also prints the tip commit it started from, without a path: not a blob.
        if (space !== -1) paths.set(text.slice(0, space), text.slice(space + 1));
        else if (text.length > 0 && !paths.has(text)) paths.set(text, '');
      }
    } finally {
      ended = true;
    }
  })();
  done.catch(() => undefined);
  return { paths, done, isDone: () => ended, stop: () => void lines.return(undefined).catch(() => undefined) };
}

/**
 * Every blob reachable from any ref, each once, read in the order the packs store them: git lists
 * every object with its size (`cat-file --batch-all-objects --unordered --batch-check`, pack order,
 * so reading follows the delta chains) while rev-list computes what is reachable beside it. A blob
 * the listing reaches before rev-list has named it is read after the walk ends, if reachable;
 * unreachable objects are never read. Blobs over `maxFileSize` are reported by size, unread, and at
 * most READ_AHEAD_BYTES of content (plus one blob) are requested ahead of the consumer.
 */
export async function* reachableBlobsInPackOrder(root: string, maxFileSize: number): AsyncGenerator<HistoryBlob> {
  const reach = walkReachable(root);
  const listing = gitLines(root, ['cat-file', '--batch-all-objects', '--unordered', '--batch-check=%(objectname) %(objecttype) %(objectsize)']);
  const reader = spawnGit(root, ['cat-file', '--batch=%(objectname) %(objecttype) %(objectsize)']);
  const output = (reader.child.stdout as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const parser = new BatchParser();
  const ready: BatchObject[] = [];
  const requested: { path: string; size: number }[] = [];
  let requestedBytes = 0;
  const request = (sha: string, path: string, size: number): void => {
    reader.child.stdin.write(`${sha}\n`);
    requested.push({ path, size });
    requestedBytes += Math.max(0, size);
  };
  /** The next requested object, in request order; undefined for one that is not a blob. */
  const receive = async (): Promise<HistoryBlob | undefined> => {
    while (ready.length === 0) {
      const next = await output.next();
      if (next.done === true) throw new GitError('E_GIT', 'git cat-file --batch ended before every requested object was read');
      for (const object of parser.push(next.value)) ready.push(object);
    }
    const object = ready.shift() as BatchObject;
    const { path, size } = requested.shift() as { path: string; size: number };
    requestedBytes -= Math.max(0, size);
    if (object.type === 'missing') return { kind: 'missing', sha: object.sha, path };
    if (object.type !== 'blob') return undefined;
    return { kind: 'blob', sha: object.sha, path, size: object.size, content: object.content };
  };
  /** Hands on a blob named by `sha` whose reachability is known: unread when too large. */
  function* take(sha: string, size: number): Generator<HistoryBlob, boolean> {
    const path = reach.paths.get(sha);
    if (path === undefined) return false;
    reach.paths.delete(sha);
    if (size > maxFileSize) yield { kind: 'too-large', sha, path, size };
    else request(sha, path, size);
    return true;
  }
  /** Hands on received objects while more than `bytes` of content or `count` objects are requested. */
  async function* drain(bytes: number, count: number): AsyncGenerator<HistoryBlob> {
    while (requested.length > 0 && (requestedBytes > bytes || requested.length > count)) {
      const blob = await receive();
      if (blob !== undefined) yield blob;
    }
  }
  try {
    const deferred: { sha: string; size: number }[] = [];
    for await (const line of listing) {
      const [sha = '', type = '', sizeText = ''] = line.toString('latin1').split(' ');
      if (type !== 'blob') continue;
      const size = Number(sizeText);
      const isTaken = yield* take(sha, size);
      if (!isTaken && !reach.isDone()) deferred.push({ sha, size });
      yield* drain(READ_AHEAD_BYTES, READ_AHEAD_OBJECTS);
    }
    await reach.done;
    for (const { sha, size } of deferred) {
      yield* take(sha, size);
      yield* drain(READ_AHEAD_BYTES, READ_AHEAD_OBJECTS);
    }
    // Reachable, yet not in any pack or loose object: cat-file reports each as missing (the tip
    // commit rev-list printed comes back as a commit and is skipped).
    const leftover = [...reach.paths];
    reach.paths.clear();
    for (const [sha, path] of leftover) {
      request(sha, path, 0);
      yield* drain(Number.POSITIVE_INFINITY, 256);
    }
    reader.child.stdin.end();
    yield* drain(-1, 0);
    await reader.done;
    if (!parser.isComplete) throw new GitError('E_GIT', 'git cat-file --batch ended in the middle of an object');
  } finally {
    reach.stop();
    void listing.return(undefined).catch(() => undefined);
    if (reader.child.exitCode === null) reader.child.kill();
  }
}
