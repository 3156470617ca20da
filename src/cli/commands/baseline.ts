import { join, relative, resolve } from 'node:path';
import { BASELINE_FILE_NAME, baselineOf, describeBaselineChange, formatBaseline, readPreviousBaseline } from '../../suppress/index.js';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../../errors.js';
import type { Io } from '../io.js';
import { writeFileSafely } from '../../safe-fs/index.js';
import { printable } from '../../terminal-text/index.js';
import { executeScan } from '../../pipeline/index.js';
import { scanFlagsOf, scanOptionsOf, SCAN_COMMAND, type ScanFlags } from './scan.js';

// The scan options that mean the same here: the git sources, limits, config and --debug.
const SHARED_OPTIONS = new Set(['staged', 'range', 'history', 'max-file-size', 'threads', 'config', 'debug']);

/** `secretscan baseline`: usage, options and examples. */
export const BASELINE_COMMAND: CommandSpec = {
  usage: 'secretscan baseline [PATH...] [--staged | --range BASE..HEAD | --history] [options]',
  summary: 'Record the current findings in the baseline file, so that later scans report only new ones. ' + 'The file holds fingerprints, rule ids and paths: no line numbers, timestamps or secrets.',
  positionals: { description: 'PATH: files or directories to scan (default: the repository, or the current directory outside one)', max: Number.POSITIVE_INFINITY },
  options: [
    ...SCAN_COMMAND.options.filter((option) => SHARED_OPTIONS.has(option.name)),
    { name: 'output', short: 'o', type: 'string', valueName: 'FILE', description: `write the baseline to FILE (default: ${BASELINE_FILE_NAME} at the repository root)` },
    { name: 'include-uncommitted', type: 'boolean', default: false, description: 'also record findings in staged, modified and untracked files (default: only what HEAD holds)' },
  ],
  examples: [
    ['secretscan baseline', 'record the findings in the committed files (as HEAD holds them)'],
    ['secretscan baseline --include-uncommitted', 'record the findings of the working tree, uncommitted changes and untracked files included'],
    ['secretscan baseline --history', 'record every secret in history, for `scan --history`'],
  ],
};

/**
 * Scans like `scan` (without the old baseline, with `.secretscanignore`), but by default only what
 * is committed: in a repository, the files as HEAD holds them. Then it writes the baseline
 * atomically and prints a one-line summary. Exits 0 even with findings, since recording them is
 * the point; 2 when the scan was partial (the file is still written, but may lack entries).
 */
export async function runBaseline(args: ParsedArgs, io: Io, log: (line: string) => void): Promise<number> {
  // --output names the baseline file here, not a report; no report is written.
  const { output, ...parsed } = scanFlagsOf(args);
  const isUncommittedIncluded = args.values['include-uncommitted'] === true;
  if (parsed.staged && !isUncommittedIncluded) {
    throw new UsageError('baseline --staged would record secrets that were never committed, and let the hook pass exactly those', 'add --include-uncommitted if that is what you want');
  }
  // By default only committed content is recorded: a baseline must not let an uncommitted secret through the hook.
  const flags: ScanFlags = { ...parsed, 'show-secrets': false, 'no-baseline': true, 'report-unused': false, 'committed-only': !isUncommittedIncluded };
  const scan = await executeScan(scanOptionsOf(flags, io, log));
  const target = output === undefined ? join(scan.projectRoot, BASELINE_FILE_NAME) : resolve(io.cwd, output);
  const baseline = baselineOf(scan.result.findings);
  const previous = await readPreviousBaseline(target);
  await writeFileSafely(target, formatBaseline(baseline), { root: scan.projectRoot });
  const shown = relative(io.cwd, target) || target;
  io.stderr.write(`secretscan: baseline written to ${printable(shown)}: ${describeBaselineChange(previous, baseline.entries)}\n`);
  for (const notice of scan.result.notices ?? []) io.stderr.write(`secretscan: note: ${printable(notice)}\n`);
  if (!scan.result.isPartial) return EXIT.clean;
  io.stderr.write(`secretscan: the scan is partial: ${scan.result.problems.length} problem(s); the baseline may lack entries\n`);
  return EXIT.userError;
}
