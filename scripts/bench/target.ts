/** What the dispatcher hands a bench target. */
export interface BenchContext {
  /** Arguments after the target name. */
  args: string[];
  /** Absolute path of the built CLI, `dist/cli/bin.mjs` (the bundled CLI that ships). */
  cliPath: string;
  /** Writes one line of the report to stdout. */
  print: (line: string) => void;
}

/** A bench target module (`scripts/bench/targets/<name>.ts`) exports `runBench`, returning the exit code. */
export interface BenchTarget {
  runBench: (ctx: BenchContext) => Promise<number>;
}

/** Checks a dynamically imported module before it is used as a target. */
export function isBenchTarget(value: unknown): value is BenchTarget {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).runBench === 'function';
}
