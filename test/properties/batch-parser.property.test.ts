import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchParser, type BatchObject } from '../../src/sources/history/batch-parser.js';

const SEED = 20240105;

interface Planned {
  sha: string;
  type: 'blob' | 'commit' | 'missing';
  rest: string;
  content: Buffer;
}

const sha = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 40, maxLength: 40 });
/** Bytes biased towards the ones that matter to the framing: newline and NUL. */
const bytes = fc.array(fc.oneof({ weight: 1, arbitrary: fc.constant(10) }, { weight: 1, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 0, max: 255 }) }), { maxLength: 60 }).map((b) => Buffer.from(b));
/** What rev-list printed after the object name: a path (any text but a newline), often empty. */
const rest = fc.oneof(fc.constant(''), fc.string({ maxLength: 15 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const present = fc.record({ sha, type: fc.constantFrom('blob' as const, 'commit' as const), rest, content: fc.oneof(fc.constant(Buffer.alloc(0)), bytes) });
const missing = sha.map((s): Planned => ({ sha: s, type: 'missing', rest: '', content: Buffer.alloc(0) }));
const objects = fc.array(fc.oneof({ weight: 4, arbitrary: present }, { weight: 1, arbitrary: missing }), { maxLength: 12 });

/** Serializes objects exactly as `git cat-file --batch='%(objectname) %(objecttype) %(objectsize) %(rest)'` does. */
function serialize(list: readonly Planned[]): { stream: Buffer; ends: number[] } {
  const parts: Buffer[] = [];
  const ends: number[] = [];
  let length = 0;
  for (const o of list) {
    const part = o.type === 'missing' ? Buffer.from(`${o.sha} missing\n`) : Buffer.concat([Buffer.from(`${o.sha} ${o.type} ${o.content.length} ${o.rest}\n`), o.content, Buffer.from('\n')]);
    parts.push(part);
    length += part.length;
    ends.push(length);
  }
  return { stream: Buffer.concat(parts), ends };
}

/** Cuts `stream` at the given positions (duplicates give empty pieces); each piece is a fresh copy. */
function split(stream: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [0, ...cuts.map((c) => c % (stream.length + 1)).sort((a, b) => a - b), stream.length];
  return points.slice(1).map((end, i) => Buffer.from(stream.subarray(points[i] as number, end)));
}

function expected(o: Planned): unknown {
  return { sha: o.sha, type: o.type, size: o.type === 'missing' ? -1 : o.content.length, rest: o.rest, content: o.content.toString('hex') };
}

function actual(o: BatchObject): unknown {
  return { sha: o.sha, type: o.type, size: o.size, rest: o.rest, content: Buffer.from(o.content).toString('hex') };
}

const cutPoints = fc.oneof(fc.array(fc.nat(), { maxLength: 20 }), fc.array(fc.nat(), { minLength: 50, maxLength: 300 }));

describe('BatchParser properties', () => {
  it('parses a cat-file --batch stream cut at arbitrary points back into the original objects', () => {
    fc.assert(
      fc.property(objects, cutPoints, (list, cuts) => {
        const { stream } = serialize(list);
        const parser = new BatchParser();
        const parsed: BatchObject[] = [];
        for (const piece of split(stream, cuts)) parsed.push(...parser.push(piece));
        expect(parsed.map(actual)).toEqual(list.map(expected));
        expect(parser.isComplete).toBe(true);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('parses the stream fed one byte at a time', () => {
    fc.assert(
      fc.property(objects, (list) => {
        const { stream } = serialize(list);
        const parser = new BatchParser();
        const parsed: BatchObject[] = [];
        for (let i = 0; i < stream.length; i++) parsed.push(...parser.push(stream.subarray(i, i + 1)));
        expect(parsed.map(actual)).toEqual(list.map(expected));
        expect(parser.isComplete).toBe(true);
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('is not complete when the stream stops inside an object, and yields only the objects before the cut', () => {
    fc.assert(
      fc.property(
        objects.filter((l) => l.length > 0),
        fc.nat(),
        cutPoints,
        (list, at, cuts) => {
          const { stream, ends } = serialize(list);
          const inside = Array.from({ length: stream.length }, (_, i) => i).filter((i) => i > 0 && !ends.includes(i));
          fc.pre(inside.length > 0);
          const stop = inside[at % inside.length] as number;
          const truncated = stream.subarray(0, stop);
          const parser = new BatchParser();
          const parsed: BatchObject[] = [];
          for (const piece of split(truncated, cuts)) parsed.push(...parser.push(piece));
          expect(parser.isComplete).toBe(false);
          const before = ends.filter((end) => end <= stop).length;
          expect(parsed.map(actual)).toEqual(list.slice(0, before).map(expected));
        },
      ),
      { numRuns: 500, seed: SEED },
    );
  });
});
