import { describe, expect, it } from 'vitest';
import { parseTreeOptions } from '../../../scripts/bench/tree-options.js';

describe('parseTreeOptions', () => {
  it('has defaults and takes --name N pairs', () => {
    expect(parseTreeOptions([])).toEqual({ rounds: 5, seed: 1, files: 2000, sizeMb: 60, planted: 20 });
    expect(parseTreeOptions(['--rounds', '3', '--size-mb', '6'])).toMatchObject({ rounds: 3, sizeMb: 6 });
  });

  it.each([[['--fast']], [['--rounds']], [['--rounds', 'two']], [['--rounds', '0']]])('rejects %j', (args) => {
    expect(parseTreeOptions(args)).toHaveProperty('error');
  });
});
