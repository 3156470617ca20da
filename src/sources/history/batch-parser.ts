/** One object from `git cat-file --batch='%(objectname) %(objecttype) %(objectsize) %(rest)'`. */
export interface BatchObject {
  sha: string;
  type: string;
  /** Bytes of content; -1 for a missing object. */
  size: number;
  /** What followed the object name in the request: the path rev-list printed (may be empty). */
  rest: string;
  /** The object's content (empty for a missing object). */
  content: Buffer;
}

const NEWLINE = 10;

/**
 * Incremental parser of the `cat-file --batch` stream: a header line, then exactly `size` bytes,
 * then a newline; `<name> missing` for objects the repository lacks (shallow or partial clones).
 * Holds at most one object's bytes plus one incoming piece.
 */
export class BatchParser {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private header: Omit<BatchObject, 'content'> | undefined;

  /** Feeds a piece of the stream; returns the objects it completes, in order. */
  push(data: Buffer): BatchObject[] {
    this.pending.push(data);
    this.pendingLength += data.length;
    const objects: BatchObject[] = [];
    for (let object = this.next(); object !== undefined; object = this.next()) objects.push(object);
    return objects;
  }

  /** Whether the stream ended cleanly (no half-read object). */
  get isComplete(): boolean {
    return this.pendingLength === 0 && this.header === undefined;
  }

  private next(): BatchObject | undefined {
    if (this.header === undefined) {
      const line = this.takeLine();
      if (line === undefined) return undefined;
      this.header = parseHeader(line);
      if (this.header.size < 0) {
        const missing = { ...this.header, content: Buffer.alloc(0) };
        this.header = undefined;
        return missing;
      }
    }
    if (this.pendingLength < this.header.size + 1) return undefined;
    const content = this.take(this.header.size);
    this.take(1);
    const object = { ...this.header, content };
    this.header = undefined;
    return object;
  }

  private takeLine(): string | undefined {
    let offset = 0;
    for (const piece of this.pending) {
      const at = piece.indexOf(NEWLINE);
      if (at !== -1) {
        const line = this.take(offset + at).toString('utf8');
        this.take(1);
        return line;
      }
      offset += piece.length;
    }
    return undefined;
  }

  /** Removes and returns the first `length` bytes (a view into the piece when it lies inside one). */
  private take(length: number): Buffer {
    const first = this.pending[0];
    if (first !== undefined && first.length >= length) {
      const out = first.subarray(0, length);
      if (first.length === length) this.pending.shift();
      else this.pending[0] = first.subarray(length);
      this.pendingLength -= length;
      return out;
    }
    const all = Buffer.concat(this.pending, this.pendingLength);
    this.pending = all.length > length ? [all.subarray(length)] : [];
    this.pendingLength -= length;
    return all.subarray(0, length);
  }
}

function parseHeader(line: string): Omit<BatchObject, 'content'> {
  const [sha = '', type = '', size = '', ...rest] = line.split(' ');
  if (type === 'missing' || type === 'ambiguous') return { sha, type: 'missing', size: -1, rest: '' };
  return { sha, type, size: Number(size), rest: rest.join(' ') };
}
