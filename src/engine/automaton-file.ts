import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import type { AutomatonTables } from './keyword-automaton.js';

const MAGIC = 'secretscan-automaton-2';

function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Serializes automaton tables: a JSON header (magic, keywords, outputs per state, the sha256 of
 * the table bytes), padded to a multiple of 4 bytes, then the transition table as little-endian
 * 32-bit integers.
 */
export function encodeAutomatonTables(tables: AutomatonTables): Buffer {
  const outputs: [number, ...number[]][] = [];
  tables.outputsByState.forEach((list, state) => {
    if (list.length > 0) outputs.push([state, ...list]);
  });
  const tableBytes = Buffer.alloc(tables.table.length * 4);
  for (let i = 0; i < tables.table.length; i++) tableBytes.writeInt32LE(tables.table[i] as number, i * 4);
  const fields = { magic: MAGIC, keywords: tables.keywords, states: tables.outputsByState.length, outputs, digest: digestOf(tableBytes) };
  const header = Buffer.from(JSON.stringify(fields), 'utf8');
  const headerLength = Math.ceil((header.length + 4) / 4) * 4;
  const out = Buffer.alloc(headerLength);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  return Buffer.concat([out, tableBytes]);
}

function isHeader(value: unknown): value is { magic: string; keywords: string[]; states: number; outputs: number[][]; digest: string } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.magic === MAGIC &&
    Array.isArray(v.keywords) &&
    v.keywords.every((k) => typeof k === 'string') &&
    typeof v.states === 'number' &&
    typeof v.digest === 'string' &&
    Array.isArray(v.outputs) &&
    v.outputs.every((o) => Array.isArray(o) && o.every(Number.isInteger))
  );
}

/**
 * Reads tables written by `encodeAutomatonTables`; undefined for anything else, including tables
 * whose bytes do not match the digest in their header (the caller then builds them).
 */
export function decodeAutomatonTables(bytes: Buffer): AutomatonTables | undefined {
  if (bytes.length < 4) return undefined;
  const length = bytes.readUInt32LE(0);
  if (length + 4 > bytes.length) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isHeader(header)) return undefined;
  const headerLength = Math.ceil((length + 4) / 4) * 4;
  const tableBytes = bytes.length - headerLength;
  if (tableBytes !== header.states * 128 * 4) return undefined;
  if (digestOf(bytes.subarray(headerLength)) !== header.digest) return undefined;
  const table = new Int32Array(header.states * 128);
  const start = bytes.byteOffset + headerLength;
  if (endianness() === 'LE' && start % 4 === 0) table.set(new Int32Array(bytes.buffer, start, table.length));
  else for (let i = 0; i < table.length; i++) table[i] = bytes.readInt32LE(headerLength + i * 4);
  const outputsByState: number[][] = Array.from({ length: header.states }, () => []);
  for (const [state, ...keywords] of header.outputs) {
    if (state === undefined || state < 0 || state >= header.states) return undefined;
    outputsByState[state] = keywords;
  }
  return { keywords: header.keywords, table, outputsByState };
}

/** The keyword automaton of the built-in rules, built and stored by the build (see scripts/compile-rules.ts). */
export const COMPILED_AUTOMATON_FILE = join(PACKAGE_ROOT, 'dist', 'keyword-automaton.bin');

/**
 * The stored automaton tables, or undefined when there are none or they cannot be read. The
 * tables carry a digest of themselves (a damaged file is refused), and the matcher uses them only
 * when their keywords are exactly its own, so stale tables (a pack edited since the build, rules
 * turned off in the config) are never wrong, just not used.
 */
export function readBuiltinAutomaton(): AutomatonTables | undefined {
  try {
    return decodeAutomatonTables(readFileSync(COMPILED_AUTOMATON_FILE));
  } catch {
    return undefined;
  }
}
