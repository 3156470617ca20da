import type { Chunk, ScanInput } from '../engine/index.js';
import { binaryFileInputs, wholeFileInputs, type DiffFileContext } from './binary-diff.js';
import type { CommitInfo } from '../findings/index.js';
import type { ReadOutcome } from './read-files.js';
import type { DiffEvent, MovedFile } from './unified-diff.js';

/** What a diff source needs besides the repository: limits, where skips go, and the path allowlist. */
export interface DiffSourceOptions {
  maxFileSize: number;
  outcome: ReadOutcome;
  /**
   * Whether an allowlist entry names this path (for any rule). A file renamed or copied from such
   * a path to one that is not was never scanned, so it is scanned whole, not just its changed lines.
   * Default: no path is.
   */
  isPathAllowlisted?: (path: string) => boolean;
}

/**
 * Turns diff events into chunks: one chunk per run of added lines. Files git calls binary go
 * through binaryFileInputs (binary is decided by content). A file whose added text passes
 * `maxFileSize` characters is skipped as too large from then on (what was already yielded of it
 * stays scanned).
 */
export class DiffChunker {
  private readonly sizes = new Map<string, number>();
  private readonly tooLarge = new Set<string>();
  /** Files read whole (see DiffSourceOptions.isPathAllowlisted): their diff lines are not needed. */
  private readonly whole = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly origin: 'staged' | 'range',
    private readonly options: DiffSourceOptions,
  ) {}

  /** Inputs for `events`, tagged with `commit` when the diff belongs to one. */
  async *chunks(events: readonly DiffEvent[], commit?: CommitInfo): AsyncGenerator<ScanInput> {
    for (const event of events) {
      const key = `${commit?.sha ?? ''}\0${event.path}`;
      if (this.whole.has(key)) continue;
      const context: DiffFileContext = { origin: this.origin, outcome: this.options.outcome, maxFileSize: this.options.maxFileSize, ...(commit === undefined ? {} : { commit }) };
      if (event.kind === 'moved') {
        if (!this.isLeavingAllowlist(event)) continue;
        this.whole.add(key);
        yield* wholeFileInputs(this.root, event.path, `${commit?.sha ?? ''}:${event.path}`, context);
        continue;
      }
      if (event.kind === 'binary') {
        yield* binaryFileInputs(this.root, event, commit?.sha ?? '', context);
        continue;
      }
      if (this.tooLarge.has(key)) continue;
      const text = event.lines.join('\n');
      const size = (this.sizes.get(key) ?? 0) + text.length;
      this.sizes.set(key, size);
      if (size > this.options.maxFileSize) {
        this.tooLarge.add(key);
        this.options.outcome.skipped.push({ path: event.path, reason: 'too-large', size, ...(commit ? { commit: commit.sha } : {}) });
        continue;
      }
      const chunk: Chunk = { origin: this.origin, path: event.path, text, startLine: event.startLine };
      if (commit !== undefined) chunk.commit = commit;
      yield chunk;
    }
  }

  private isLeavingAllowlist(event: MovedFile): boolean {
    const isAllowlisted = this.options.isPathAllowlisted;
    return isAllowlisted !== undefined && isAllowlisted(event.fromPath) && !isAllowlisted(event.path);
  }
}
