import type { Chunk } from '../engine/index.js';
import { decodeText } from '../engine/index.js';
import type { ReadOutcome } from './read-files.js';

/** Name used for standard input when `--stdin-path` is not given. */
export const DEFAULT_STDIN_PATH = '<stdin>';

/** Turns bytes read from standard input into one chunk named `path` (binary input is skipped and counted). */
export async function* stdinChunks(bytes: Buffer, path: string, outcome: ReadOutcome): AsyncGenerator<Chunk> {
  const decoded = decodeText(bytes);
  if ('isBinary' in decoded) {
    outcome.skipped.push({ path, reason: 'binary', size: bytes.length });
    return;
  }
  yield { origin: 'stdin', path, text: decoded.text, startLine: 1 };
}
