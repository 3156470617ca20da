import { describe, expect, it } from 'vitest';
import { GROWTH_FLOOR_MS, HANG_MS, hangLimitOf, isSuperLinear, LARGE_INPUT, MAX_HANG_MS, MEDIUM_INPUT, needsLargeRun, SMALL_INPUT } from '../../../src/rule-check/speed/speed-limits.js';

describe('speed limits', () => {
  it('calls 16x the input for 256x the time super-linear, and 16x or 40x linear enough', () => {
    expect(LARGE_INPUT / SMALL_INPUT).toBe(16);
    expect(isSuperLinear(2, 512)).toBe(true);
    expect(isSuperLinear(10, 160)).toBe(false);
    expect(isSuperLinear(10, 400)).toBe(false);
  });

  it('never fails a rule on a large run under the floor, however it grew', () => {
    expect(isSuperLinear(0.01, GROWTH_FLOOR_MS - 1)).toBe(false);
  });

  it('times the large size only when the medium one grew too much and could cross the floor', () => {
    expect(needsLargeRun(5, 20)).toBe(false);
    expect(needsLargeRun(10, 200)).toBe(true);
    expect(needsLargeRun(0.1, 5)).toBe(false);
  });

  it('stops the small run at HANG_MS and later runs at their growth limit, within HANG_MS..MAX_HANG_MS', () => {
    expect(hangLimitOf(SMALL_INPUT, undefined)).toBe(HANG_MS);
    expect(hangLimitOf(MEDIUM_INPUT, 1)).toBe(HANG_MS);
    expect(hangLimitOf(MEDIUM_INPUT, 500)).toBe(4000);
    expect(hangLimitOf(LARGE_INPUT, 100)).toBe(6400);
    expect(hangLimitOf(LARGE_INPUT, 1000)).toBe(MAX_HANG_MS);
  });
});
