import { splitBenchArgs, wholeNumberOf } from '../bench-args.js';

/** Options of the `history` bench target. */
export interface HistoryBenchOptions {
  /** An existing repository to measure instead of a generated one. */
  repo?: string;
  /** Timed rounds; each runs every command once. Default: 5. */
  rounds: number;
  /** PRNG seed of the generated history. Default: 1. */
  seed: number;
  /** Commits of the generated history, merges included. Default: 3000. */
  commits: number;
  /** Approximate total of all blob versions, in MB (10^6 bytes). Default: 100. */
  sizeMb: number;
  /** Planted fake secrets. Default: 8 (one of each kind). */
  planted: number;
  /** Passed on to the scan as `--threads N` when given. */
  threads?: number;
  /** Generate into this directory (new or empty) and leave it there. */
  keep?: string;
}

/** Usage of the `history` target. */
export const HISTORY_USAGE = 'usage: npm run bench -- history [REPO] [--rounds N] [--threads N] [--seed N] [--commits N] [--size-mb N] [--planted N] [--keep DIR]';

const NUMBERS: ReadonlyArray<[string, 'rounds' | 'seed' | 'commits' | 'sizeMb' | 'planted' | 'threads', number, number]> = [
  ['--rounds', 'rounds', 5, 1],
  ['--seed', 'seed', 1, 0],
  ['--commits', 'commits', 3000, 2],
  ['--size-mb', 'sizeMb', 100, 1],
  ['--planted', 'planted', 8, 0],
  ['--threads', 'threads', 0, 1],
];
const GENERATION_FLAGS = ['--seed', '--commits', '--size-mb', '--planted', '--keep'];

/** Parses the target's arguments; returns an error message instead of throwing. */
export function parseHistoryOptions(args: readonly string[]): HistoryBenchOptions | { error: string } {
  const split = splitBenchArgs(args, [...NUMBERS.map(([flag]) => flag), '--keep']);
  if ('error' in split) return split;
  const { values, positionals } = split;
  if (positionals.length > 1) return { error: `one repository at most, got ${positionals.length}` };
  const repo = positionals[0];
  const clash = GENERATION_FLAGS.find((flag) => values.has(flag));
  if (repo !== undefined && clash !== undefined) return { error: `${clash} applies to a generated repository, not to ${repo}` };
  const options: HistoryBenchOptions = { rounds: 5, seed: 1, commits: 3000, sizeMb: 100, planted: 8 };
  for (const [flag, key, fallback, min] of NUMBERS) {
    const value = wholeNumberOf(values, flag, fallback, min);
    if (typeof value !== 'number') return value;
    if (key !== 'threads' || values.has(flag)) options[key] = value;
  }
  const keep = values.get('--keep');
  return { ...options, ...(repo === undefined ? {} : { repo }), ...(keep === undefined ? {} : { keep }) };
}
