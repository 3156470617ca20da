import { describe, expect, it } from 'vitest';
import { parseStagedOptions } from '../../../../scripts/bench/staged/staged-options.js';

describe('parseStagedOptions', () => {
  it('has defaults and takes --runs and --seed', () => {
    expect(parseStagedOptions([])).toEqual({ runs: 30, seed: 1 });
    expect(parseStagedOptions(['--runs', '5', '--seed', '0'])).toEqual({ runs: 5, seed: 0 });
    expect(parseStagedOptions(['--node', '24'])).toEqual({ runs: 30, seed: 1, node: '24' });
  });

  it.each([[['--runs', '0']], [['repo']], [['--rounds', '3']], [['--node']], [['--node', '']]])('rejects %j', (args) => {
    expect(parseStagedOptions(args)).toHaveProperty('error');
  });
});
