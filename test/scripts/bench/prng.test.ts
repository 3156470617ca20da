import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../scripts/bench/prng.js';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed, and differs for another', () => {
    const draw = (seed: number) => {
      const r = createRandom(seed);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps int within its inclusive bounds and chars within the alphabet', () => {
    const r = createRandom(1);
    const ints = Array.from({ length: 2000 }, () => r.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    expect(r.chars('ab', 50)).toMatch(/^[ab]{50}$/);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createRandom(1).pick([])).toThrow(RangeError);
  });
});
