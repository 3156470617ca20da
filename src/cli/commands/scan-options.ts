import type { Argv } from 'yargs';
import { REPORT_FORMATS } from '../../reporters/index.js';

/** Flags shared by every command that produces a report. */
export interface ReportFlags {
  format: string;
  output?: string;
  config?: string;
  'show-secrets': boolean;
  debug: boolean;
}

/** Adds the report flags (same meaning in every command). */
export function withReportFlags<T>(yargs: Argv<T>): Argv<T & ReportFlags> {
  return yargs
    .option('format', { alias: 'f', choices: [...REPORT_FORMATS], default: 'text', describe: 'report format' })
    .option('output', { alias: 'o', type: 'string', describe: 'write the report to FILE (atomically) instead of stdout' })
    .option('config', { alias: 'c', type: 'string', describe: 'config file (default: .secretscan.yaml at the root)' })
    .option('show-secrets', { type: 'boolean', default: false, describe: 'print raw secret values (never use in CI logs)' })
    .option('debug', { type: 'boolean', default: false, describe: 'log rule, file and timing details to stderr (never secret values)' }) as Argv<T & ReportFlags>;
}
