import { describe, expect, it } from 'vitest';
import { threadsOf } from '../../src/pipeline/scanner-for.js';

describe('threadsOf', () => {
  it('defaults to one fewer than the cores, at most 4, none on one core', () => {
    expect([1, 2, 4, 8, 64].map((cores) => threadsOf(undefined, cores))).toEqual([0, 1, 3, 4, 4]);
  });

  it('gives what was asked for, but never more threads than cores', () => {
    expect(threadsOf(0, 2)).toBe(0);
    expect(threadsOf(2, 2)).toBe(2);
    expect(threadsOf(16, 2)).toBe(2);
    expect(threadsOf(3, 8)).toBe(3);
  });
});
