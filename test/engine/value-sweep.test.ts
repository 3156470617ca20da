import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/engine/index.js';
import { createValueSweep, isSweepable } from '../../src/engine/index.js';
import type { ValuePlace } from '../../src/findings/index.js';

function placesOf(values: string[], chunk: Partial<Chunk> & { text: string }): [string, number, number][] {
  const found: [string, number, number][] = [];
  const sweep = createValueSweep(values);
  sweep.placesIn({ origin: 'tree', path: 'f.txt', startLine: 1, ...chunk }, (value: number, place: ValuePlace) => found.push([values[value] as string, place.startLine, place.startColumn]));
  return found.sort((a, b) => a[1] - b[1] || a[2] - b[2]);
}

describe('createValueSweep', () => {
  it('finds every copy of each value, with 1-based lines and columns, case-sensitively', () => {
    const value = ['Qz7', 'Wm2-', 'Xc6Vb1'].join('');
    const text = `a ${value}\nb ${value.toLowerCase()}\n  ${value}${value}\n`;
    expect(placesOf([value], { text })).toEqual([
      [value, 1, 3],
      [value, 3, 3],
      [value, 3, 3 + value.length],
    ]);
  });

  it('finds the same places in ASCII bytes as in text, without decoding them', () => {
    const value = ['Qz7', 'Wm2-', 'Xc6Vb1'].join('');
    const bytes = Buffer.from(`a ${value}\nb ${value.toLowerCase()}\n  ${value}${value}\n`);
    const found: [number, number][] = [];
    createValueSweep([value]).placesIn({ origin: 'history', path: 'f', startLine: 1, bytes }, (_v, place) => found.push([place.startLine, place.startColumn]));
    expect(found.sort((a, b) => a[0] - b[0] || a[1] - b[1])).toEqual([
      [1, 3],
      [3, 3],
      [3, 3 + value.length],
    ]);
  });

  it('tells apart values that share a long prefix, and finds values with other characters', () => {
    const shared = 'A'.repeat(30);
    const [one, two] = [`${shared}one-1`, `${shared}two-2`];
    const accented = ['pässwörd', '-42'].join('');
    const text = `x ${two}\n${one} ${accented}\n`;
    expect(placesOf([one, two, accented], { text })).toEqual([
      [two, 1, 3],
      [one, 2, 1],
      [accented, 2, one.length + 2],
    ]);
  });

  it('places copies in diff hunks and files at their line in the file', () => {
    const value = ['k9', 'Lm3', '_Zq8x'].join('');
    expect(placesOf([value], { text: `one\ntwo ${value}\n`, startLine: 41 })).toEqual([[value, 42, 5]]);
  });

  it('looks for thousands of values at once (more than one automaton)', () => {
    const values = Array.from({ length: 3000 }, (_, i) => `v${String(i).padStart(5, '0')}-${'x'.repeat(20)}`);
    const text = `${values[0]}\n${values[1500]}\n${values[2999]}\n`;
    expect(placesOf(values, { text }).map(([, line]) => line)).toEqual([1, 2, 3]);
  });

  it('finds copies in the printable strings of binary bytes at their byte offsets, and nothing for values it does not sweep', () => {
    const value = ['Qz7', 'Wm2-', 'Xc6Vb1'].join('');
    const found: (number | undefined)[] = [];
    const bytes = Buffer.concat([Buffer.from(`\0\0${value}\0`), Buffer.from(value, 'utf16le')]);
    createValueSweep([value]).placesIn({ origin: 'tree', path: 'b', startLine: 1, bytes }, (_v, place) => found.push(place.byteOffset));
    expect(found).toEqual([2, 3 + value.length]);
    expect(placesOf(['short1', 'password'], { text: 'short1 password' })).toEqual([]);
  });
});

describe('isSweepable', () => {
  it('leaves out values that would equal too many innocent strings: short ones and plain words', () => {
    expect(isSweepable('abc123')).toBe(false);
    expect(isSweepable('postgres')).toBe(false);
    expect(isSweepable('hunter22')).toBe(true);
    expect(isSweepable('correcthorsebattery')).toBe(true);
  });
});
