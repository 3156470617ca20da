import { appendFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

// Sightings are spread over 256 files by the first two hex digits of their secret id, so every
// sighting of a secret lands in the same file and the files, read in name order, give the secrets
// in id order. One file at a time is then grouped in memory: the merge holds about 1/256 of all
// sightings, however many reports there are.
const BUCKET_BYTES = 128 * 1024;

/** The spill file a secret id goes to: `v1:ab12…` → `ab`. */
function bucketOf(secretId: string): string {
  return secretId.slice(secretId.indexOf(':') + 1, secretId.indexOf(':') + 3);
}

/** Buffered appends of JSON lines to per-bucket files under `dir` (an empty directory the caller owns). */
export class SpillFiles {
  readonly #dir: string;
  readonly #pending = new Map<string, string[]>();
  readonly #pendingBytes = new Map<string, number>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Queues `record` (one JSON value) for the bucket of `secretId`; writes the bucket out when its buffer is full. */
  async add(secretId: string, record: unknown): Promise<void> {
    const bucket = bucketOf(secretId);
    const line = `${JSON.stringify(record)}\n`;
    const lines = this.#pending.get(bucket) ?? [];
    lines.push(line);
    this.#pending.set(bucket, lines);
    const bytes = (this.#pendingBytes.get(bucket) ?? 0) + line.length;
    this.#pendingBytes.set(bucket, bytes);
    if (bytes >= BUCKET_BYTES) await this.#write(bucket);
  }

  /** Writes every buffered line out. */
  async flush(): Promise<void> {
    for (const bucket of [...this.#pending.keys()]) await this.#write(bucket);
  }

  async #write(bucket: string): Promise<void> {
    const lines = this.#pending.get(bucket);
    this.#pending.delete(bucket);
    this.#pendingBytes.delete(bucket);
    if (lines !== undefined && lines.length > 0) await appendFile(join(this.#dir, `${bucket}.jsonl`), lines.join(''), { flag: 'a' });
  }

  /** Each bucket's records, one bucket at a time, in secret-id order of the buckets. Call after flush. */
  async *buckets(): AsyncGenerator<unknown[]> {
    const names = (await readdir(this.#dir)).filter((name) => name.endsWith('.jsonl')).sort();
    for (const name of names) {
      const text = await readFile(join(this.#dir, name), 'utf8');
      yield text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as unknown);
    }
  }
}
