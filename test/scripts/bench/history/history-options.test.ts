import { describe, expect, it } from 'vitest';
import { parseHistoryOptions } from '../../../../scripts/bench/history/history-options.js';

describe('parseHistoryOptions', () => {
  it('has defaults for a generated repository', () => {
    expect(parseHistoryOptions([])).toEqual({ rounds: 5, seed: 1, commits: 3000, sizeMb: 100, planted: 8 });
  });

  it('takes a repository, rounds and threads', () => {
    expect(parseHistoryOptions(['../linux', '--rounds', '3', '--threads', '4'])).toEqual({ repo: '../linux', rounds: 3, seed: 1, commits: 3000, sizeMb: 100, planted: 8, threads: 4 });
  });

  it('takes generation options and --keep', () => {
    expect(parseHistoryOptions(['--commits', '500', '--size-mb', '20', '--keep', '/tmp/h'])).toMatchObject({ commits: 500, sizeMb: 20, keep: '/tmp/h' });
  });

  it.each([[['a', 'b']], [['--rounds', '0']], [['--commits', '1']], [['--fast']], [['repo', '--seed', '2']], [['repo', '--keep', 'x']]])('rejects %j', (args) => {
    expect(parseHistoryOptions(args)).toHaveProperty('error');
  });
});
