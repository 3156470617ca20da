import { relative, resolve } from 'node:path';
import type { ScanResult } from '../findings/index.js';
import { reporterFor, type CommitAdvice, type ScannedRepository } from '../reporters/index.js';
import type { Rule } from '../rules/index.js';
import { EXIT } from './exit-codes.js';
import { commandFor } from './invocation.js';
import type { Io } from './io.js';
import { packageInfo } from '../package-info.js';
import type { ReportFlags } from './commands/scan-options.js';
import { writeFileSafely } from '../safe-fs/index.js';
import { printable } from '../terminal-text/index.js';
import { exitCodeUnder, type FailOn } from './commands/verify-options.js';

/** What emitReport needs besides the result. */
export interface EmitOptions {
  flags: ReportFlags;
  io: Io;
  rules: Rule[];
  root: string;
  /** Set for a scan of a commit being made (`--staged`, `--commit-msg`): the text report says how to get it through. */
  commitAdvice?: CommitAdvice;
  /** `--fail-on`: which findings make the exit code 1. Default: low (any). */
  failOn?: FailOn;
  /** The scanned repository and commit, for the reports that name it (JSON, HTML). */
  repository?: ScannedRepository;
}

/** The exit code a result earns: partial beats findings beats clean. */
export function exitCodeFor(result: ScanResult): number {
  if (result.isPartial) return EXIT.userError;
  return result.findings.length > 0 || result.unlisted !== undefined ? EXIT.findings : EXIT.clean;
}

function isColorAllowed(io: Io, flags: ReportFlags): boolean {
  const noColor = io.env.NO_COLOR;
  return flags.format === 'text' && flags.output === undefined && io.stdout.isTTY === true && (noColor === undefined || noColor === '');
}

/**
 * Renders the report, writes it to `--output` (atomically) or stdout, prints a one-line summary on
 * stderr when the report went to a file, and returns the exit code.
 */
export async function emitReport(result: ScanResult, { flags, io, rules, root, commitAdvice, repository, failOn }: EmitOptions): Promise<number> {
  const info = packageInfo();
  if (flags['show-secrets']) io.stderr.write('secretscan: warning: --show-secrets prints raw secret values; do not use it where logs are kept\n');
  const report = reporterFor(flags.format)(result, {
    toolName: info.name,
    version: info.version,
    informationUri: info.homepage,
    rules,
    root,
    useColor: isColorAllowed(io, flags),
    command: commandFor(io.scriptPath, io.cwd),
    ...(commitAdvice === undefined ? {} : { commitAdvice }),
    ...(repository === undefined ? {} : { repository }),
  });
  if (flags.output === undefined) {
    io.stdout.write(report);
  } else {
    const target = resolve(io.cwd, flags.output);
    await writeFileSafely(target, report, { root, mayBeDevice: true });
    const shown = relative(io.cwd, target) || target;
    io.stderr.write(`secretscan: ${result.findings.length} finding(s); ${flags.format} report written to ${printable(shown)}\n`);
  }
  if (result.isPartial) io.stderr.write(`secretscan: the scan is partial: ${result.problems.length} problem(s), see the report\n`);
  return failOn === undefined ? exitCodeFor(result) : exitCodeUnder(result, failOn);
}
