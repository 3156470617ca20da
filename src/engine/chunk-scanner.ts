import type { SeverityCounts, SuppressedCounts, Finding } from '../findings/index.js';
import { decodeText } from './bytes-to-text.js';
import type { BinaryScanner } from './binary-scan.js';
import type { Matcher } from './matcher.js';
import type { Chunk, ScanInput } from './types.js';

/** What scanning one input produced. */
export interface InputScan {
  findings: Finding[];
  suppressed: SuppressedCounts;
  /** Findings past the matcher's `maxFindings`, counted by severity only. */
  unlisted?: SeverityCounts;
  /** The input was bytes that turned out to be binary: only its printable runs were scanned, with the provider rules. */
  isBinary: boolean;
  /** Characters scanned. */
  characters: number;
  /** The raw value of each finding, in the same order (see ChunkScan.secrets). */
  secrets?: string[];
}

/**
 * Scans inputs in batches, on this thread or on workers. `capacity` is how many batches may be in
 * flight at once, `batchBytes` about how many bytes a batch should hold (1 = one input per batch).
 */
export interface ChunkScanner {
  capacity: number;
  batchBytes: number;
  scanBatch: (inputs: ScanInput[]) => Promise<InputScan[]>;
  close: () => Promise<void>;
}

const NONE: SuppressedCounts = { inline: 0, allowlist: 0, paths: 0 };

/** Decodes a byte chunk to text (undefined when binary); text chunks pass through. */
export function textChunkOf(input: ScanInput): Chunk | undefined {
  if (!('bytes' in input)) return input;
  const decoded = decodeText(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength));
  if ('isBinary' in decoded) return undefined;
  const { bytes: _bytes, ...rest } = input;
  return decoded.utf8 === undefined ? { ...rest, text: decoded.text } : { ...rest, text: decoded.text, utf8: decoded.utf8 };
}

/**
 * Scans one input with a matcher on the calling thread; a binary one (bytes that are not text) has
 * its printable runs scanned by `binary` (see binary-scan.ts), or nothing without it.
 */
export function scanInput(matcher: Matcher, input: ScanInput, binary?: BinaryScanner): InputScan {
  const chunk = textChunkOf(input);
  if (chunk !== undefined) return { ...matcher.scanChunk(chunk), isBinary: false, characters: chunk.text.length };
  if (binary === undefined || !('bytes' in input)) return { findings: [], suppressed: NONE, isBinary: true, characters: 0 };
  return { ...binary.scanBinary(input), isBinary: true };
}

/** The single-threaded scanner: no start-up cost, for small inputs (staged changes, stdin). */
export function inProcessScanner(matcher: Matcher, binary?: BinaryScanner): ChunkScanner {
  return { capacity: 1, batchBytes: 1, scanBatch: async (inputs) => inputs.map((input) => scanInput(matcher, input, binary)), close: async () => undefined };
}

/** Size of an input for batching: bytes or characters. */
export function sizeOf(input: ScanInput): number {
  return 'bytes' in input ? input.bytes.length : input.text.length;
}
