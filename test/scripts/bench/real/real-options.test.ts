import { describe, expect, it } from 'vitest';
import { parseRealHistoryOptions, parseRealTreeOptions } from '../../../../scripts/bench/real/real-options.js';

describe('parseRealHistoryOptions', () => {
  it('has defaults: Node 20 and 24, four packages, 500 versions each, a 1500 MB cap', () => {
    expect(parseRealHistoryOptions([])).toEqual({ rounds: 3, nodes: ['20', '24'], packages: ['webpack', 'eslint', 'vue', 'react-dom'], versions: 500, sizeMb: 1500 });
  });

  it('scales up and takes a repository, threads and a baseline CLI', () => {
    expect(parseRealHistoryOptions(['../repo', '--versions', '3000', '--size-mb', '6000', '--threads', '0', '--node', '24', '--baseline-cli', '/tmp/old/bin.mjs'])).toEqual({
      repo: '../repo',
      rounds: 3,
      nodes: ['24'],
      packages: ['webpack', 'eslint', 'vue', 'react-dom'],
      versions: 3000,
      sizeMb: 6000,
      threads: 0,
      baselineCli: '/tmp/old/bin.mjs',
    });
  });

  it.each([[['a', 'b']], [['--rounds', '0']], [['--packages', ',']], [['--node', '']], [['--fast']], [['--size-mb', 'x']]])('rejects %j', (args) => {
    expect(parseRealHistoryOptions(args)).toHaveProperty('error');
  });
});

describe('parseRealTreeOptions', () => {
  it('measures both corpora by default, or the one named', () => {
    expect(parseRealTreeOptions([])).toEqual({ rounds: 3, nodes: ['20', '24'], corpora: ['node-modules', 'python-stdlib'] });
    expect(parseRealTreeOptions(['--corpus', 'python-stdlib', '--rounds', '5'])).toEqual({ rounds: 5, nodes: ['20', '24'], corpora: ['python-stdlib'] });
  });

  it.each([[['dir']], [['--corpus', 'ruby']], [['--threads', '-1']]])('rejects %j', (args) => {
    expect(parseRealTreeOptions(args)).toHaveProperty('error');
  });
});
