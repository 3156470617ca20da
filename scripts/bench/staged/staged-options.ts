import { splitBenchArgs, wholeNumberOf } from '../bench-args.js';

/** Options of the `staged` bench target. */
export interface StagedBenchOptions {
  /** Timed runs of each command. Default: 30. */
  runs: number;
  /** PRNG seed of the repository and the change. Default: 1. */
  seed: number;
}

/** Usage of the `staged` target. */
export const STAGED_USAGE = 'usage: npm run bench -- staged [--runs N] [--seed N]';

/** Parses the target's arguments; returns an error message instead of throwing. */
export function parseStagedOptions(args: readonly string[]): StagedBenchOptions | { error: string } {
  const split = splitBenchArgs(args, ['--runs', '--seed']);
  if ('error' in split) return split;
  if (split.positionals.length > 0) return { error: `unexpected argument ${split.positionals[0] ?? ''}` };
  const runs = wholeNumberOf(split.values, '--runs', 30);
  const seed = wholeNumberOf(split.values, '--seed', 1, 0);
  if (typeof runs !== 'number') return runs;
  if (typeof seed !== 'number') return seed;
  return { runs, seed };
}
