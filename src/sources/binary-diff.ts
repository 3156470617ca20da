import type { ScanInput } from '../engine/index.js';
import type { CommitInfo } from '../findings/index.js';
import { gitBytes } from './git-process.js';
import type { ReadOutcome } from './read-files.js';

function hasUtf16Bom(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/**
 * A file git's diff calls binary. git judges by NUL bytes, so a UTF-16 text file (a byte-order
 * mark, then NULs in every other byte) lands here: its blob is read and scanned whole (git cannot
 * say which of its lines were added), as the working-tree and history scans do. Anything else is
 * skipped as binary and counted. `revision` is `''` for the index, else a commit sha.
 */
export async function* binaryFileInputs(root: string, path: string, revision: string, options: { origin: 'staged' | 'range'; outcome: ReadOutcome; maxFileSize: number; commit?: CommitInfo }): AsyncGenerator<ScanInput> {
  const { origin, outcome, commit } = options;
  const bytes = await gitBytes(root, ['cat-file', 'blob', `${revision}:${path}`]).catch(() => undefined);
  if (bytes !== undefined && bytes.length > options.maxFileSize) {
    outcome.skipped.push({ path, reason: 'too-large', size: bytes.length, ...(commit === undefined ? {} : { commit: commit.sha }) });
    return;
  }
  if (bytes !== undefined && hasUtf16Bom(bytes)) {
    yield commit === undefined ? { origin, path, bytes, startLine: 1 } : { origin, path, bytes, startLine: 1, commit };
    return;
  }
  outcome.skipped.push({ path, reason: 'binary', ...(commit === undefined ? {} : { commit: commit.sha }), ...(bytes === undefined ? {} : { size: bytes.length }) });
}
