import { spawnGit } from '../git-process.js';

/** How many blobs a history audit will read (the same walk as the audit, without contents); for a progress ETA. */
export async function countReachableBlobs(root: string): Promise<number> {
  const { child, done } = spawnGit(root, ['rev-list', '--objects', '--all', '--filter=object:type=blob']);
  child.stdin.end();
  let lines = 0;
  let lastByte = 10;
  for await (const data of child.stdout as AsyncIterable<Buffer>) {
    for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, at + 1)) lines++;
    lastByte = data[data.length - 1] ?? lastByte;
  }
  await done;
  // The walk also prints the tip commit it started from: one line that is not a blob.
  return Math.max(0, lines + (lastByte === 10 ? 0 : 1) - 1);
}
