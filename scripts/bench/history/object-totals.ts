import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { sealedGitEnv } from '../git-fixture.js';

/** Counts of a repository's objects, from `git cat-file --batch-all-objects --batch-check`. */
export interface ObjectTotals {
  blobs: number;
  /** Sum of the blobs' sizes, uncompressed, in bytes. */
  blobBytes: number;
  /** All objects: commits, trees, tags and blobs. */
  objects: number;
}

/** The format the check is asked for, one object a line. */
export const BATCH_CHECK_FORMAT = '%(objecttype) %(objectsize)';

/** Adds one `<type> <size>` line to `totals`; throws on anything else. */
export function tallyObjectLine(totals: ObjectTotals, line: string): void {
  const match = /^(blob|tree|commit|tag) (\d+)$/.exec(line);
  if (match === null) throw new Error(`unexpected git cat-file --batch-check line: ${JSON.stringify(line.slice(0, 80))}`);
  totals.objects++;
  if (match[1] !== 'blob') return;
  totals.blobs++;
  totals.blobBytes += Number(match[2]);
}

/** Reads the totals of every object in `repo`, streaming (a big repository has millions of lines). */
export async function countObjects(repo: string): Promise<ObjectTotals> {
  const child = spawn('git', ['cat-file', '--batch-all-objects', `--batch-check=${BATCH_CHECK_FORMAT}`], {
    cwd: repo,
    env: sealedGitEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const totals: ObjectTotals = { blobs: 0, blobBytes: 0, objects: 0 };
  try {
    for await (const line of createInterface({ input: child.stdout })) if (line !== '') tallyObjectLine(totals, line);
  } catch (error) {
    child.kill();
    throw error;
  }
  const status = await exited;
  if (status !== 0) throw new Error(`git cat-file --batch-check failed in ${repo}: ${stderr.trim().split('\n')[0] ?? ''}`);
  return totals;
}
