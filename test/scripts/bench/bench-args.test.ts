import { describe, expect, it } from 'vitest';
import { splitBenchArgs, wholeNumberOf } from '../../../scripts/bench/bench-args.js';

describe('splitBenchArgs', () => {
  it('separates flag values from positionals', () => {
    expect(splitBenchArgs(['repo', '--runs', '3', 'other'], ['--runs'])).toEqual({ values: new Map([['--runs', '3']]), positionals: ['repo', 'other'] });
  });

  it('rejects unknown flags and missing values', () => {
    expect(splitBenchArgs(['--fast'], ['--runs'])).toEqual({ error: 'unknown option --fast' });
    expect(splitBenchArgs(['--runs'], ['--runs'])).toEqual({ error: '--runs needs a value' });
  });
});

describe('wholeNumberOf', () => {
  const values = new Map([
    ['--n', '4'],
    ['--bad', '2.5'],
    ['--zero', '0'],
  ]);

  it('reads whole numbers and falls back when absent', () => {
    expect(wholeNumberOf(values, '--n', 1)).toBe(4);
    expect(wholeNumberOf(values, '--absent', 7)).toBe(7);
    expect(wholeNumberOf(values, '--zero', 1, 0)).toBe(0);
  });

  it('rejects fractions and values below the minimum', () => {
    expect(wholeNumberOf(values, '--bad', 1)).toHaveProperty('error');
    expect(wholeNumberOf(values, '--zero', 1)).toEqual({ error: '--zero needs a whole number of at least 1' });
  });
});
