import { describe, expect, it } from 'vitest';
import { buildInput, INLINE_MARKER_PREFIX, matcherShapes, regexShapes } from '../../../src/rule-check/speed/adversarial-inputs.js';

const SOURCE = { pattern: 'tok_(?<secret>[A-Za-z0-9_-]{20,})', flags: 'gd', keywords: ['tok_'], examples: ['tok_abcdefghijklmnopqrstuv'] };

describe('regexShapes', () => {
  it('derives runs of the classes the pattern repeats, after its keyword and repeated with it', () => {
    const names = regexShapes(SOURCE).map((s) => s.name);
    expect(names).toContain('run of [A-Za-z0-9_-]');
    expect(names).toContain('keyword + run of [A-Za-z0-9_-]');
    expect(names).toContain('keyword + 48 of [A-Za-z0-9_-], repeated');
    expect(names).toContain('keywords repeated');
    expect(names).toContain('examples repeated');
    expect(names).toContain('keyword + run of "a"');
  });

  it('builds inputs of exactly the size asked for, ending with a character outside the class', () => {
    const shape = regexShapes(SOURCE).find((s) => s.name === 'keyword + run of [A-Za-z0-9_-]');
    expect(shape).toBeDefined();
    const text = buildInput(shape as NonNullable<typeof shape>, 4096);
    expect(text).toHaveLength(4096);
    expect(text.startsWith('tok_')).toBe(true);
    expect(/^[A-Za-z0-9_-]$/.test(text.slice(-1))).toBe(false);
    expect(/^[A-Za-z0-9_-]+$/.test(text.slice(4, -1))).toBe(true);
  });

  it('alternates two neighbouring classes with characters of each that the other lacks', () => {
    const shapes = regexShapes({ ...SOURCE, pattern: 'k=[a-z]+[0-9a-z]+;' });
    const pair = shapes.find((s) => s.name === '[a-z] and [0-9a-z] alternating');
    expect(pair?.unit).toBe('a0');
  });
});

describe('matcherShapes', () => {
  it('makes one long line and short lines of keywords and class runs, each line starting with the inline marker', () => {
    const [line, lines] = matcherShapes(SOURCE);
    const long = buildInput(line as NonNullable<typeof line>, 64 * 1024);
    expect(long).not.toContain('\n');
    expect(long.startsWith(INLINE_MARKER_PREFIX)).toBe(true);
    expect(long.split('tok_').length).toBeGreaterThan(10);
    const short = buildInput(lines as NonNullable<typeof lines>, 64 * 1024)
      .split('\n')
      .slice(0, -1);
    expect(short.length).toBeGreaterThan(500);
    for (const text of short) expect(text.startsWith(INLINE_MARKER_PREFIX)).toBe(true);
  });
});
