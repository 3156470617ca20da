import { splitBenchArgs, wholeNumberOf } from '../bench-args.js';

/** Options of the `rules-scale` bench target. */
export interface ScaleBenchOptions {
  /** Timed rounds; each scans the corpus once with each rule set. Default: 5. */
  rounds: number;
  /** PRNG seed of the generated files (the tree target's generator). Default: 1. */
  seed: number;
  /** Number of files. Default: 500. */
  files: number;
  /** Approximate total size in MB (10^6 bytes). Default: 15. */
  sizeMb: number;
}

/** Usage of the `rules-scale` target. */
export const SCALE_USAGE = 'usage: npm run bench -- rules-scale [--rounds N] [--seed N] [--files N] [--size-mb N]';

/** Parses the target's arguments; returns an error message instead of throwing. */
export function parseScaleOptions(args: readonly string[]): ScaleBenchOptions | { error: string } {
  const split = splitBenchArgs(args, ['--rounds', '--seed', '--files', '--size-mb']);
  if ('error' in split) return split;
  if (split.positionals.length > 0) return { error: `unexpected argument ${split.positionals[0] ?? ''}` };
  const values = {
    rounds: wholeNumberOf(split.values, '--rounds', 5),
    seed: wholeNumberOf(split.values, '--seed', 1, 0),
    files: wholeNumberOf(split.values, '--files', 500),
    sizeMb: wholeNumberOf(split.values, '--size-mb', 15),
  };
  for (const value of Object.values(values)) if (typeof value !== 'number') return value;
  return values as ScaleBenchOptions;
}
