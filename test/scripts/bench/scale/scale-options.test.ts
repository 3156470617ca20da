import { describe, expect, it } from 'vitest';
import { parseScaleOptions } from '../../../../scripts/bench/scale/scale-options.js';

describe('parseScaleOptions', () => {
  it('has defaults and takes --rounds, --seed, --files and --size-mb', () => {
    expect(parseScaleOptions([])).toEqual({ rounds: 5, seed: 1, files: 500, sizeMb: 15 });
    expect(parseScaleOptions(['--rounds', '3', '--seed', '0', '--files', '10', '--size-mb', '2'])).toEqual({ rounds: 3, seed: 0, files: 10, sizeMb: 2 });
  });

  it.each([[['--rounds', '0']], [['extra']], [['--runs', '3']], [['--files']]])('rejects %j', (args) => {
    expect(parseScaleOptions(args)).toHaveProperty('error');
  });
});
