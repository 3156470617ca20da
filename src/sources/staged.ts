import type { ScanInput } from '../engine/index.js';
import { DiffChunker } from './diff-chunks.js';
import { gitLines } from './git-process.js';
import type { ReadOutcome } from './read-files.js';
import { UnifiedDiffParser } from './unified-diff.js';

/** Options of the diff commands: zero context, no external tools, renames and copies followed, submodules ignored. */
export const DIFF_ARGS = ['-U0', '--no-ext-diff', '--no-textconv', '--no-color', '-M', '-C', '--ignore-submodules=all', '--src-prefix=a/', '--dst-prefix=b/'];

/**
 * The added lines of the index against HEAD (against the empty tree before the first commit),
 * with their line numbers in the staged file. Deletions, mode-only changes and submodules yield
 * nothing; binary files are skipped and counted.
 */
export async function* stagedChunks(root: string, maxFileSize: number, outcome: ReadOutcome): AsyncGenerator<ScanInput> {
  // Without a base, `git diff --cached` compares with HEAD, or with nothing on an unborn branch.
  const parser = new UnifiedDiffParser();
  const chunker = new DiffChunker(root, 'staged', maxFileSize, outcome);
  for await (const line of gitLines(root, ['diff', '--cached', ...DIFF_ARGS, '--diff-filter=ACMRT', '--'])) {
    yield* chunker.chunks(parser.line(line.toString('utf8')));
  }
  yield* chunker.chunks(parser.end());
}
