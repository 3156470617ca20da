import type { ScanInput } from '../engine/index.js';
import { DiffChunker, type DiffSourceOptions } from './diff-chunks.js';
import { gitLines } from './git-process.js';
import { UnifiedDiffParser } from './unified-diff.js';

/**
 * Options of the diff commands: zero context, no external tools, renames and copies followed,
 * submodules ignored, full blob ids (a file git calls binary is then read and judged by content).
 */
export const DIFF_ARGS = ['-U0', '--no-ext-diff', '--no-textconv', '--no-color', '-M', '-C', '--ignore-submodules=all', '--src-prefix=a/', '--dst-prefix=b/', '--full-index'];

/**
 * The added lines of the index against HEAD (against the empty tree before the first commit),
 * with their line numbers in the staged file. Deletions, mode-only changes and submodules yield
 * nothing; binary files (by content) are skipped and counted.
 */
export async function* stagedChunks(root: string, options: DiffSourceOptions): AsyncGenerator<ScanInput> {
  // Without a base, `git diff --cached` compares with HEAD, or with nothing on an unborn branch.
  const parser = new UnifiedDiffParser();
  const chunker = new DiffChunker(root, 'staged', options);
  for await (const line of gitLines(root, ['diff', '--cached', ...DIFF_ARGS, '--diff-filter=ACMRT', '--'])) {
    yield* chunker.chunks(parser.line(line.toString('utf8')));
  }
  yield* chunker.chunks(parser.end());
}
