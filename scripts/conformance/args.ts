/** Parsed command line of the conformance script. */
export interface ConformanceArgs {
  file: string;
  /** Print the machine-readable summary instead of the text report. Default: false. */
  isJson: boolean;
  /** How many misses and false positives the text report lists. Default: 50. */
  listLimit: number;
}

/** Usage text, printed with argument errors. */
export const CONFORMANCE_USAGE = 'usage: npm run conformance -- PATH/cases.jsonl [--json] [--misses N]';

/** Parses argv (without node and script); returns an error message instead of throwing. */
export function parseConformanceArgs(argv: readonly string[]): ConformanceArgs | { error: string } {
  const files: string[] = [];
  let isJson = false;
  let listLimit = 50;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') isJson = true;
    else if (arg === '--misses' || arg.startsWith('--misses=')) {
      const value = arg === '--misses' ? argv[++i] : arg.slice('--misses='.length);
      if (value === undefined || !/^\d+$/.test(value)) return { error: '--misses needs a whole number, e.g. --misses 20' };
      listLimit = Number(value);
    } else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    else files.push(arg);
  }
  if (files.length !== 1) return { error: files.length === 0 ? 'missing the cases file' : 'give exactly one cases file' };
  return { file: files[0] as string, isJson, listLimit };
}
