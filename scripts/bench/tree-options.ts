/** Options of the `tree` bench target. */
export interface TreeBenchOptions {
  /** Timed rounds; each runs every command once. Default: 5. */
  rounds: number;
  /** PRNG seed of the generated tree. Default: 1. */
  seed: number;
  /** Number of files. Default: 2000. */
  files: number;
  /** Approximate total size in MB (10^6 bytes). Default: 60. */
  sizeMb: number;
  /** Planted fake secrets. Default: 20. */
  planted: number;
}

/** Usage of the `tree` target. */
export const TREE_USAGE = 'usage: npm run bench -- tree [--rounds N] [--seed N] [--files N] [--size-mb N] [--planted N]';

const FLAGS: Record<string, keyof TreeBenchOptions> = {
  '--rounds': 'rounds',
  '--seed': 'seed',
  '--files': 'files',
  '--size-mb': 'sizeMb',
  '--planted': 'planted',
};

/** Parses `--name N` pairs (whole numbers, rounds and files at least 1); returns an error message instead of throwing. */
export function parseTreeOptions(args: readonly string[]): TreeBenchOptions | { error: string } {
  const options: TreeBenchOptions = { rounds: 5, seed: 1, files: 2000, sizeMb: 60, planted: 20 };
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] as string;
    const key = FLAGS[flag];
    if (key === undefined) return { error: `unknown option ${flag}` };
    const value = args[i + 1];
    if (value === undefined || !/^\d+$/.test(value)) return { error: `${flag} needs a whole number` };
    options[key] = Number(value);
  }
  if (options.rounds < 1 || options.files < 1 || options.sizeMb < 1) return { error: '--rounds, --files and --size-mb must be at least 1' };
  return options;
}
