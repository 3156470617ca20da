/** Arguments of a bench target: `--name value` pairs and the positionals between them. */
export interface BenchArgs {
  values: Map<string, string>;
  positionals: string[];
}

/**
 * Splits `args` into the values of the known `flags` (each takes one value; the last one given
 * wins) and positionals. Returns an error message for an unknown flag or a missing value.
 */
export function splitBenchArgs(args: readonly string[], flags: readonly string[]): BenchArgs | { error: string } {
  const parsed: BenchArgs = { values: new Map(), positionals: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      parsed.positionals.push(arg);
      continue;
    }
    if (!flags.includes(arg)) return { error: `unknown option ${arg}` };
    const value = args[++i];
    if (value === undefined) return { error: `${arg} needs a value` };
    parsed.values.set(arg, value);
  }
  return parsed;
}

/** The whole number given for `flag`, `fallback` when absent, or an error message when below `min`. */
export function wholeNumberOf(values: ReadonlyMap<string, string>, flag: string, fallback: number, min = 1): number | { error: string } {
  const value = values.get(flag);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) return { error: `${flag} needs a whole number of at least ${min}` };
  return Number(value);
}
