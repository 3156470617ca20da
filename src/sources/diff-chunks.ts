import type { Chunk, ScanInput } from '../engine/index.js';
import { binaryFileInputs } from './binary-diff.js';
import type { CommitInfo } from '../findings/index.js';
import type { ReadOutcome } from './read-files.js';
import type { DiffEvent } from './unified-diff.js';

/**
 * Turns diff events into chunks: one chunk per run of added lines. Binary files are recorded as
 * skipped. A file whose added text passes `maxFileSize` characters is skipped as too large from
 * then on (what was already yielded of it stays scanned).
 */
export class DiffChunker {
  private readonly sizes = new Map<string, number>();
  private readonly tooLarge = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly origin: 'staged' | 'range',
    private readonly maxFileSize: number,
    private readonly outcome: ReadOutcome,
  ) {}

  /**
   * Inputs for `events`, tagged with `commit` when the diff belongs to one; files git calls binary
   * go through binaryFileInputs (UTF-16 text is scanned, the rest counted).
   */
  async *chunks(events: readonly DiffEvent[], commit?: CommitInfo): AsyncGenerator<ScanInput> {
    for (const event of events) {
      const key = `${commit?.sha ?? ''}\0${event.path}`;
      if (event.kind === 'binary') {
        const base = { origin: this.origin, outcome: this.outcome, maxFileSize: this.maxFileSize };
        const options = commit === undefined ? base : { ...base, commit };
        yield* binaryFileInputs(this.root, event.path, commit?.sha ?? '', options);
        continue;
      }
      if (this.tooLarge.has(key)) continue;
      const text = event.lines.join('\n');
      const size = (this.sizes.get(key) ?? 0) + text.length;
      this.sizes.set(key, size);
      if (size > this.maxFileSize) {
        this.tooLarge.add(key);
        this.outcome.skipped.push({ path: event.path, reason: 'too-large', size, ...(commit ? { commit: commit.sha } : {}) });
        continue;
      }
      const chunk: Chunk = { origin: this.origin, path: event.path, text, startLine: event.startLine };
      if (commit !== undefined) chunk.commit = commit;
      yield chunk;
    }
  }
}
