import { REPORT_FORMATS } from '../../reporters/index.js';
import type { OptionSpec } from '../args.js';

/** Flags shared by every command that produces a report. */
export interface ReportFlags {
  format: string;
  output?: string;
  config?: string;
  'show-secrets': boolean;
  debug: boolean;
}

/** The report options: the same meaning in every command. */
export const REPORT_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', type: 'string', valueName: 'FORMAT', choices: REPORT_FORMATS, default: 'text', description: 'report format' },
  { name: 'output', short: 'o', type: 'string', valueName: 'FILE', description: 'write the report to FILE (atomically) instead of stdout' },
  { name: 'config', short: 'c', type: 'string', valueName: 'FILE', description: 'config file (default: .secretscan.yaml at the repository root)' },
  { name: 'show-secrets', type: 'boolean', default: false, description: 'print raw secret values (never use where logs are kept)' },
  { name: 'debug', type: 'boolean', default: false, description: 'log rules, files and timings to stderr (never secret values)' },
];

/** Reads the report flags out of parsed option values. */
export function reportFlagsOf(values: Record<string, string | boolean | undefined>): ReportFlags {
  const flags: ReportFlags = { format: String(values.format ?? 'text'), 'show-secrets': values['show-secrets'] === true, debug: values.debug === true };
  if (typeof values.output === 'string') flags.output = values.output;
  if (typeof values.config === 'string') flags.config = values.config;
  return flags;
}
