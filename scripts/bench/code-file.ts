import { fillerLine, type FileFlavour } from './filler-lines.js';
import type { Random } from './prng.js';

// A generated file that is edited over time, kept as lines so an edit costs only the lines it
// touches. Benchmark repositories (history, staged) are built from these.

/** A file of a generated repository. */
export interface CodeFile {
  /** Repository-relative path with `/` separators. */
  path: string;
  flavour: FileFlavour;
  lines: string[];
  /** 0-based lines that edits must leave alone (a planted secret waiting to be removed). */
  pinned?: { start: number; count: number };
}

/** The flavour of a file, from its extension. */
export function flavourOf(path: string): FileFlavour {
  if (/\.(json)$/.test(path)) return 'json';
  if (/\.(ya?ml|env|toml|ini)$/.test(path)) return 'config';
  if (/\.(md|txt)$/.test(path)) return 'prose';
  return 'code';
}

/**
 * A new file of about `bytes` bytes (it ends at the first line past that). Only with
 * `hasLongLines` may it hold the occasional minified or data line of thousands of characters.
 */
export function createCodeFile(r: Random, path: string, bytes: number, hasLongLines = false): CodeFile {
  const flavour = flavourOf(path);
  const lines: string[] = [];
  for (let size = 0; size < bytes; ) {
    const line = fillerLine(r, flavour, hasLongLines ? bytes - size : 0);
    lines.push(line);
    size += line.length + 1;
  }
  return { path, flavour, lines };
}

/** The file's content: its lines, each ending in a line feed. */
export function textOf(file: CodeFile): string {
  return file.lines.length === 0 ? '' : `${file.lines.join('\n')}\n`;
}

/**
 * Replaces `deleteCount` lines at 0-based `at` with `added`. An edit that would touch the pinned
 * lines moves to just after them, or deletes only up to them; an edit above them shifts the pin.
 */
export function spliceLines(file: CodeFile, at: number, deleteCount: number, added: readonly string[]): void {
  const pin = file.pinned;
  let start = Math.max(0, Math.min(at, file.lines.length));
  if (pin !== undefined && start > pin.start && start < pin.start + pin.count) start = pin.start + pin.count;
  let count = Math.max(0, Math.min(deleteCount, file.lines.length - start));
  if (pin !== undefined && start <= pin.start) {
    count = Math.min(count, pin.start - start);
    pin.start += added.length - count;
  }
  file.lines.splice(start, count, ...added);
}

/** A typical small change: 1 to 3 hunks, each deleting up to 3 lines and adding up to 4. */
export function editCodeFile(r: Random, file: CodeFile): void {
  for (let hunk = r.int(1, 3); hunk > 0; hunk--) {
    const added = Array.from({ length: r.int(0, 4) }, () => fillerLine(r, file.flavour, 0));
    spliceLines(file, r.int(0, file.lines.length), r.int(0, 3), added);
  }
}

/** Inserts `lines` at a random place and pins them; returns their 1-based first line. */
export function plantLines(r: Random, file: CodeFile, lines: readonly string[]): number {
  if (file.pinned !== undefined) throw new Error(`${file.path} already holds pinned lines`);
  const at = r.int(0, file.lines.length);
  file.lines.splice(at, 0, ...lines);
  file.pinned = { start: at, count: lines.length };
  return at + 1;
}

/** Removes the pinned lines, if any. */
export function removePinned(file: CodeFile): void {
  if (file.pinned === undefined) return;
  file.lines.splice(file.pinned.start, file.pinned.count);
  delete file.pinned;
}
