import { describe, expect, it } from 'vitest';
import { spreadOf } from '../../../scripts/bench/stats.js';

describe('spreadOf', () => {
  it('gives min, median and max of odd and even samples', () => {
    expect(spreadOf([5, 1, 3])).toEqual({ min: 1, median: 3, max: 5 });
    expect(spreadOf([4, 1, 3, 2])).toEqual({ min: 1, median: 2.5, max: 4 });
  });

  it('rejects an empty sample', () => {
    expect(() => spreadOf([])).toThrow(RangeError);
  });
});
