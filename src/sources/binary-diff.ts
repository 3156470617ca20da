import type { Chunk, ScanInput } from '../engine/index.js';
import type { CommitInfo } from '../findings/index.js';
import { gitBytes, gitLines } from './git-process.js';
import type { ReadOutcome } from './read-files.js';
import { UnifiedDiffParser, type BinaryFile } from './unified-diff.js';

/** How many leading bytes are inspected for NUL to decide a file is binary (as git does). */
const BINARY_PROBE = 8000;
const NO_BLOB = /^0+$/;

/** Where a diff's file comes from: the source kind, and the commit for a range. */
export interface DiffFileContext {
  origin: 'staged' | 'range';
  outcome: ReadOutcome;
  maxFileSize: number;
  commit?: CommitInfo;
}

function hasUtf16Bom(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** Binary by content: a NUL in the first 8000 bytes, unless it is UTF-16 with a byte-order mark. */
function isBinaryContent(bytes: Buffer): boolean {
  return !hasUtf16Bom(bytes) && bytes.subarray(0, BINARY_PROBE).includes(0);
}

function commitField(context: DiffFileContext): { commit?: string } {
  return context.commit === undefined ? {} : { commit: context.commit.sha };
}

/**
 * The new file's bytes (from its blob id, else `revision:path`), or undefined after recording why
 * it is not scanned (unreadable, too large).
 */
async function readNewSide(root: string, path: string, object: string, context: DiffFileContext): Promise<Buffer | undefined> {
  const bytes = await gitBytes(root, ['cat-file', 'blob', object]).catch(() => undefined);
  if (bytes === undefined) {
    context.outcome.skipped.push({ path, reason: 'binary', ...commitField(context) });
    return undefined;
  }
  if (bytes.length > context.maxFileSize) {
    context.outcome.skipped.push({ path, reason: 'too-large', size: bytes.length, ...commitField(context) });
    return undefined;
  }
  return bytes;
}

/** The lines of blob `to` that are not in blob `from`, by 1-based line number (a text diff, attributes ignored). */
async function addedLines(root: string, from: string, to: string): Promise<Map<number, string>> {
  const parser = new UnifiedDiffParser();
  const added = new Map<number, string>();
  const take = (events: ReturnType<UnifiedDiffParser['end']>): void => {
    for (const event of events) if (event.kind === 'added') event.lines.forEach((line, i) => added.set(event.startLine + i, line));
  };
  for await (const line of gitLines(root, ['diff', '-U0', '--text', '--no-ext-diff', '--no-textconv', '--no-color', from, to])) take(parser.line(line.toString('utf8')));
  take(parser.end());
  return added;
}

/** Runs of consecutive line numbers as chunks (lines added against every parent only). */
function* runsOf(lines: Map<number, string>, path: string, context: DiffFileContext): Generator<Chunk> {
  let run: Chunk | undefined;
  let next = 0;
  for (const number of [...lines.keys()].sort((a, b) => a - b)) {
    const text = lines.get(number) as string;
    if (run !== undefined && number === next) run.text += `\n${text}`;
    else {
      if (run !== undefined) yield run;
      run = { origin: context.origin, path, text, startLine: number, ...(context.commit === undefined ? {} : { commit: context.commit }) };
    }
    next = number + 1;
  }
  if (run !== undefined) yield run;
}

/**
 * A whole file, read from `object` (a blob id or `revision:path`) and scanned from its first line:
 * for files git cannot give added lines of, or whose earlier version was never scanned.
 */
export async function* wholeFileInputs(root: string, path: string, object: string, context: DiffFileContext): AsyncGenerator<ScanInput> {
  const bytes = await readNewSide(root, path, object, context);
  if (bytes === undefined) return;
  yield bytesInput(path, bytes, context);
}

function bytesInput(path: string, bytes: Buffer, context: DiffFileContext): ScanInput {
  return context.commit === undefined ? { origin: context.origin, path, bytes, startLine: 1 } : { origin: context.origin, path, bytes, startLine: 1, commit: context.commit };
}

/**
 * A file git's diff calls binary. git decides by NUL bytes but also by attributes (`-diff`,
 * `binary`, a diff driver), which a repository sets itself, so binary is decided here by content:
 * with a NUL in the first 8000 bytes, the whole file goes to the scanner, which scans its
 * printable runs; UTF-16 with a byte-order mark is decoded and scanned whole; other text is diffed as text against each parent blob, and the lines added
 * against every parent are scanned (the whole file when it is new). `revision` is `''` for the index.
 */
export async function* binaryFileInputs(root: string, file: BinaryFile, revision: string, context: DiffFileContext): AsyncGenerator<ScanInput> {
  const object = file.blob !== undefined && !NO_BLOB.test(file.blob) ? file.blob : `${revision}:${file.path}`;
  const bytes = await readNewSide(root, file.path, object, context);
  if (bytes === undefined) return;
  const parents = file.parentBlobs.filter((blob) => !NO_BLOB.test(blob));
  // Binary content has no lines to diff: its printable runs are scanned whole (see binary-scan.ts).
  if (isBinaryContent(bytes) || hasUtf16Bom(bytes) || parents.length === 0 || file.blob === undefined) {
    yield bytesInput(file.path, bytes, context);
    return;
  }
  // A parent without the file (all zeros) has every line added against it: it restricts nothing.
  const perParent = await Promise.all(parents.map((parent) => addedLines(root, parent, file.blob as string)));
  const [first, ...others] = perParent;
  const kept = new Map([...(first ?? new Map<number, string>())].filter(([number]) => others.every((added) => added.has(number))));
  yield* runsOf(kept, file.path, context);
}
