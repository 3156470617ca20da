import { describe, expect, it } from 'vitest';
import { interleave } from '../../../scripts/bench/interleave.js';

describe('interleave', () => {
  it('alternates the order each round (ABBA) and collects samples per command', () => {
    const order: string[] = [];
    const make = (name: string) => ({ name, run: () => (order.push(name), order.length) });
    const samples = interleave([make('a'), make('b')], 3);
    expect(order).toEqual(['a', 'b', 'b', 'a', 'a', 'b']);
    expect(samples.get('a')).toEqual([1, 4, 5]);
    expect(samples.get('b')).toEqual([2, 3, 6]);
  });
});
