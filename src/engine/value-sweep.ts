import { isAscii } from 'node:buffer';
import type { ValuePlace } from '../findings/index.js';
import { textChunkOf } from './chunk-scanner.js';
import { buildKeywordAutomaton, type KeywordAutomaton } from './keyword-automaton.js';
import { buildLineIndex } from './line-index.js';
import { lineColumnsOfBytes, printableRuns } from './printable-runs.js';
import type { ByteChunk, Chunk, ScanInput } from './types.js';

/** Values shorter than this are not looked for elsewhere: too many innocent strings would equal them. */
export const MIN_SWEPT_LENGTH = 8;

/** Values made of letters only are looked for elsewhere from this length on (below it they read as words). */
const MIN_WORD_LENGTH = 12;

/** How many leading characters of each value the automaton holds; a hit is then compared in full. */
const PREFIX_LENGTH = 24;

/** Automaton states per table (128 entries of 4 bytes each): about 16 MiB; more values get more tables. */
const MAX_STATES = 32_768;

/** Whether a found value is looked for in the rest of what was scanned. */
export function isSweepable(value: string): boolean {
  return value.length >= MIN_SWEPT_LENGTH && (value.length >= MIN_WORD_LENGTH || /[^A-Za-z]/.test(value));
}

/** One automaton over some values' prefixes: `valuesOf[keyword]` are the values starting with it. */
interface PrefixGroup {
  automaton: KeywordAutomaton;
  valuesOf: number[][];
  lengths: number[];
}

/** Receives each place a value sits: the value's index in the sweep's list, and the place. */
export type PlaceHandler = (value: number, place: ValuePlace) => void;

/** Finds every copy of a fixed set of values in scanned inputs. */
export interface ValueSweep {
  /** Calls `onPlace` for every place one of the values sits in `input` (in binary bytes: in their printable runs). */
  placesIn: (input: ScanInput, onPlace: PlaceHandler) => void;
}

function isAsciiOnly(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) >= 128) return false;
  return true;
}

/** The prefix automata over the ASCII values (indices into `values`), each at most MAX_STATES states. */
function prefixGroups(values: readonly string[], indices: readonly number[]): PrefixGroup[] {
  const groups: PrefixGroup[] = [];
  let keywords: string[] = [];
  let valuesOf: number[][] = [];
  let byKeyword = new Map<string, number>();
  let states = 0;
  const close = (): void => {
    if (keywords.length === 0) return;
    groups.push({ automaton: buildKeywordAutomaton(keywords), valuesOf, lengths: keywords.map((k) => k.length) });
    keywords = [];
    valuesOf = [];
    byKeyword = new Map();
    states = 0;
  };
  for (const index of indices) {
    const prefix = (values[index] as string).slice(0, PREFIX_LENGTH);
    const known = byKeyword.get(prefix);
    if (known !== undefined) {
      (valuesOf[known] as number[]).push(index);
      continue;
    }
    if (states + prefix.length > MAX_STATES) close();
    byKeyword.set(prefix, keywords.push(prefix) - 1);
    valuesOf.push([index]);
    states += prefix.length;
  }
  close();
  return groups;
}

/** `[value, start]` pairs, flattened, for every copy of a value in the chunk's text. */
function copiesIn(chunk: Chunk, values: readonly string[], groups: readonly PrefixGroup[], others: readonly number[]): number[] {
  const { text } = chunk;
  const found: number[] = [];
  for (const group of groups) {
    const onHit = (keyword: number, end: number): void => {
      const start = end - (group.lengths[keyword] as number);
      for (const value of group.valuesOf[keyword] as number[]) if (text.startsWith(values[value] as string, start)) found.push(value, start);
    };
    // Byte offsets are character offsets in ASCII text; other text is scanned by character.
    if (chunk.utf8?.isAscii === true) group.automaton.scanBytes(chunk.utf8.bytes, onHit);
    else group.automaton.scan(text, onHit);
  }
  for (const value of others) {
    const needle = values[value] as string;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(value, at);
  }
  return found;
}

/** How many leading bytes are inspected for NUL to decide bytes are binary (as decodeText does). */
const BINARY_PROBE = 8000;

/** ASCII text (no NUL in the binary probe): searched as bytes, with no string made of it. */
function isPlainAscii(bytes: Uint8Array): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return !view.subarray(0, BINARY_PROBE).includes(0) && isAscii(view);
}

/** `[value, start]` pairs, flattened, for every copy of an ASCII value in ASCII bytes (other values cannot be there). */
function copiesInAscii(bytes: Uint8Array, encoded: readonly Buffer[], groups: readonly PrefixGroup[]): number[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: number[] = [];
  for (const group of groups) {
    group.automaton.scanBytes(bytes, (keyword, end) => {
      const start = end - (group.lengths[keyword] as number);
      for (const value of group.valuesOf[keyword] as number[]) {
        const needle = encoded[value] as Buffer;
        if (start + needle.length <= view.length && view.compare(needle, 0, needle.length, start, start + needle.length) === 0) found.push(value, start);
      }
    });
  }
  return found;
}

/** Places of copies in ASCII bytes: a byte offset is a character offset there. */
function placesInAscii(input: ByteChunk, found: readonly number[], onPlace: PlaceHandler): void {
  if (found.length === 0) return;
  const places = lineColumnsOfBytes(
    input.bytes,
    found.filter((_, i) => i % 2 === 1),
  );
  for (let i = 0; i < found.length; i += 2) {
    const at = places.get(found[i + 1] as number) ?? { line: 1, column: 1 };
    const place: ValuePlace = { path: input.path, startLine: input.startLine + at.line - 1, startColumn: at.column };
    if (input.commit !== undefined) place.commit = input.commit;
    if (input.blob !== undefined) place.blob = input.blob;
    onPlace(found[i] as number, place);
  }
}

/** Copies in the printable runs of binary bytes, placed at their byte offsets (see binary-scan.ts). */
function placesInBinary(input: ByteChunk, copiesOf: (chunk: Chunk) => number[], onPlace: PlaceHandler): void {
  const found: number[] = [];
  for (const run of printableRuns(input.bytes)) {
    const copies = copiesOf({ origin: input.origin, path: input.path, text: run.text, startLine: 1 });
    for (let i = 0; i < copies.length; i += 2) found.push(copies[i] as number, run.offset + (copies[i + 1] as number) * run.unit);
  }
  if (found.length === 0) return;
  const places = lineColumnsOfBytes(
    input.bytes,
    found.filter((_, i) => i % 2 === 1),
  );
  for (let i = 0; i < found.length; i += 2) {
    const byteOffset = found[i + 1] as number;
    const at = places.get(byteOffset) ?? { line: 1, column: byteOffset + 1 };
    const place: ValuePlace = { path: input.path, startLine: at.line, startColumn: at.column, byteOffset };
    if (input.commit !== undefined) place.commit = input.commit;
    if (input.blob !== undefined) place.blob = input.blob;
    onPlace(found[i] as number, place);
  }
}

/**
 * Builds the sweep for `values` (those that are not sweepable are never reported). ASCII values
 * go into keyword automata over their first PREFIX_LENGTH characters, the same machinery as the
 * rules' keywords, so one pass over each input finds every value; a hit is confirmed by comparing
 * the whole value, case included. The rare value with other characters is looked for with indexOf.
 */
export function createValueSweep(values: readonly string[]): ValueSweep {
  const wanted = values.map((_, index) => index).filter((index) => isSweepable(values[index] as string));
  const groups = prefixGroups(
    values,
    wanted.filter((index) => isAsciiOnly(values[index] as string)),
  );
  const others = wanted.filter((index) => !isAsciiOnly(values[index] as string));
  const encoded = values.map((value) => Buffer.from(value, 'latin1'));
  return {
    placesIn(input, onPlace) {
      if (wanted.length === 0) return;
      if ('bytes' in input && isPlainAscii(input.bytes)) {
        placesInAscii(input, copiesInAscii(input.bytes, encoded, groups), onPlace);
        return;
      }
      const chunk = textChunkOf(input);
      if (chunk === undefined) {
        if ('bytes' in input) placesInBinary(input, (chunk) => copiesIn(chunk, values, groups, others), onPlace);
        return;
      }
      const found = copiesIn(chunk, values, groups, others);
      if (found.length === 0) return;
      const lines = buildLineIndex(chunk.text);
      for (let i = 0; i < found.length; i += 2) {
        const start = found[i + 1] as number;
        const line = lines.lineOf(start);
        const place: ValuePlace = { path: chunk.path, startLine: chunk.startLine + line, startColumn: start - lines.startOf(line) + 1 };
        if (chunk.commit !== undefined) place.commit = chunk.commit;
        if (chunk.blob !== undefined) place.blob = chunk.blob;
        onPlace(found[i] as number, place);
      }
    },
  };
}
