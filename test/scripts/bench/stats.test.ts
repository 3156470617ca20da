import { describe, expect, it } from 'vitest';
import { percentileOf, spreadOf } from '../../../scripts/bench/stats.js';

describe('spreadOf', () => {
  it('gives min, median and max of odd and even samples', () => {
    expect(spreadOf([5, 1, 3])).toEqual({ min: 1, median: 3, max: 5 });
    expect(spreadOf([4, 1, 3, 2])).toEqual({ min: 1, median: 2.5, max: 4 });
  });

  it('rejects an empty sample', () => {
    expect(() => spreadOf([])).toThrow(RangeError);
  });
});

describe('percentileOf', () => {
  it('interpolates between the nearest ranks', () => {
    const values = [40, 10, 30, 20];
    expect(percentileOf(values, 0)).toBe(10);
    expect(percentileOf(values, 50)).toBe(25);
    expect(percentileOf(values, 100)).toBe(40);
    expect(percentileOf(values, 95)).toBeCloseTo(38.5);
  });

  it('agrees with the median and handles one value', () => {
    const values = [5, 1, 9, 3, 7, 2];
    expect(percentileOf(values, 50)).toBe(spreadOf(values).median);
    expect(percentileOf([7], 95)).toBe(7);
  });

  it('rejects an empty sample and a percentile out of range', () => {
    expect(() => percentileOf([], 50)).toThrow(RangeError);
    expect(() => percentileOf([1], 101)).toThrow(RangeError);
    expect(() => percentileOf([1], Number.NaN)).toThrow(RangeError);
  });
});
