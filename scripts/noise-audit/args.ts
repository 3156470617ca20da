import { homedir } from 'node:os';
import { join } from 'node:path';

/** Parsed command line of the noise audit. */
export interface NoiseAuditArgs {
  /** Where packages are downloaded and unpacked. Default: $SECRETSCAN_NOISE_CACHE or ~/.cache/secretscan/noise-audit. */
  cacheDir: string;
  /** Add findings that the triage file does not know to it, with the verdict `untriaged`. Default: false. */
  shouldRecordNew: boolean;
  /** Print the machine-readable summary instead of the text report. Default: false. */
  isJson: boolean;
  /** How many not-credential and untriaged findings the text report lists. Default: 40. */
  listLimit: number;
}

/** Usage text, printed with argument errors. */
export const NOISE_AUDIT_USAGE = 'usage: npm run noise-audit -- [--cache DIR] [--record-new] [--json] [--list N]';

/** Parses argv (without node and script); returns an error message instead of throwing. */
export function parseNoiseAuditArgs(argv: readonly string[], env: NodeJS.ProcessEnv): NoiseAuditArgs | { error: string } {
  const args: NoiseAuditArgs = {
    cacheDir: env.SECRETSCAN_NOISE_CACHE ?? join(homedir(), '.cache', 'secretscan', 'noise-audit'),
    shouldRecordNew: false,
    isJson: false,
    listLimit: 40,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--record-new') args.shouldRecordNew = true;
    else if (arg === '--json') args.isJson = true;
    else if (arg === '--cache') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('-')) return { error: '--cache needs a directory' };
      args.cacheDir = value;
    } else if (arg === '--list') {
      const value = argv[++i];
      if (value === undefined || !/^\d+$/.test(value)) return { error: '--list needs a whole number, e.g. --list 20' };
      args.listLimit = Number(value);
    } else return { error: `unknown argument ${arg}` };
  }
  return args;
}
