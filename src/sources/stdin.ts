import type { ScanInput } from '../engine/index.js';
import { decodeText } from '../engine/index.js';

/** Name used for standard input when `--stdin-path` is not given. */
export const DEFAULT_STDIN_PATH = '<stdin>';

/** Turns bytes read from standard input into one input named `path` (binary input stays bytes: its printable runs are scanned). */
export async function* stdinChunks(bytes: Buffer, path: string): AsyncGenerator<ScanInput> {
  const decoded = decodeText(bytes);
  if ('isBinary' in decoded) {
    yield { origin: 'stdin', path, bytes, startLine: 1 };
    return;
  }
  yield { origin: 'stdin', path, text: decoded.text, startLine: 1 };
}
