import { performance } from 'node:perf_hooks';
import { ScanError, UsageError } from '../errors.js';
import { printable, printableLines } from '../terminal-text/index.js';
import { helpText, parseCommandArgs, type CommandSpec } from './args.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';
import { packageInfo } from '../package-info.js';
import { useGitEnvironment } from '../sources/index.js';

const MAIN_HELP = `usage: secretscan <command> [options]

Find secrets in git repositories, files and standard input.

commands:
  scan [PATH...]      scan the working tree or given paths
  scan --staged       scan what is about to be committed (the pre-commit hook)
  scan --commit-msg F scan a commit message file (the commit-msg hook)
  scan --range A..B   scan the commits of a range (pull requests, pushes)
  scan --history      audit every blob in the repository's history
  scan --stdin        scan standard input
  baseline            record today's findings so scans report only new ones
  gitignore [--fix]   check that secret-bearing files (.env, keys) are ignored and untracked
  init                set up the pre-commit hook, a config file and a GitHub workflow
  remediate           print the steps to fix each finding (rotate, purge, prevent)
  report merge FILE.. merge the JSON reports of many repositories into one
  rules list          list the built-in rules
  rules check [DIR]   validate rule packs and run their examples

Run \`secretscan <command> --help\` for a command's options, \`secretscan --version\` for the version.
`;

/** A message made safe for a terminal: config keys, paths and git output may hold escape codes. */
const safe = printableLines;

function reportError(error: unknown, io: Io, isDebug: boolean): number {
  if (error instanceof ScanError) {
    io.stderr.write(`secretscan: ${safe(error.message)}\n`);
    if (error.hint !== undefined) io.stderr.write(`hint: ${safe(error.hint)}\n`);
    if (isDebug && error.cause instanceof Error) io.stderr.write(`cause: ${safe(error.cause.message)}\n`);
    return error.exitCode;
  }
  io.stderr.write(`secretscan: internal error: ${safe(error instanceof Error ? error.message : String(error))}\n`);
  io.stderr.write('this is a bug; please report it with the command you ran (add --debug for the stack)\n');
  if (isDebug && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
  return EXIT.internalError;
}

/** Parses a command's arguments; prints its help instead when asked (returns undefined then). */
function argsFor<T>(spec: CommandSpec, args: readonly string[], io: Io, then: (parsed: ReturnType<typeof parseCommandArgs>) => Promise<T>): Promise<T | number> {
  const parsed = parseCommandArgs(spec, args);
  if (parsed.values.help === true) {
    io.stdout.write(helpText(spec));
    return Promise.resolve(EXIT.clean);
  }
  return then(parsed);
}

/** Dispatches to a command. Command modules load lazily: a pre-commit hook pays only for `scan`. */
async function dispatch(argv: readonly string[], io: Io, log: (line: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${packageInfo().version}\n`);
    return EXIT.clean;
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(MAIN_HELP);
    return command === undefined ? EXIT.userError : EXIT.clean;
  }
  if (command === 'scan') {
    const scan = await import('./commands/scan.js');
    return argsFor(scan.SCAN_COMMAND, rest, io, (parsed) => scan.runScan(scan.scanFlagsOf(parsed), io, log));
  }
  if (command === 'init') {
    const init = await import('./commands/init.js');
    return argsFor(init.INIT_COMMAND, rest, io, (parsed) => init.runInit(parsed, io, log));
  }
  if (command === 'baseline') {
    const baseline = await import('./commands/baseline.js');
    return argsFor(baseline.BASELINE_COMMAND, rest, io, (parsed) => baseline.runBaseline(parsed, io, log));
  }
  if (command === 'gitignore') {
    const gitignore = await import('./commands/gitignore.js');
    return argsFor(gitignore.GITIGNORE_COMMAND, rest, io, (parsed) => gitignore.runGitignore(parsed, io, log));
  }
  if (command === 'remediate') {
    const remediate = await import('./commands/remediate.js');
    return argsFor(remediate.REMEDIATE_COMMAND, rest, io, (parsed) => remediate.runRemediate(parsed, io, log));
  }
  if (command === 'report') {
    const report = await import('./commands/report.js');
    const [subcommand, ...args] = rest;
    if (subcommand === 'merge') return argsFor(report.REPORT_MERGE_COMMAND, args, io, (parsed) => report.runReportMerge(parsed, io, log));
    throw new UsageError(subcommand === undefined ? 'name a subcommand: report merge' : `unknown subcommand: report ${subcommand}`, 'run `secretscan --help`');
  }
  if (command === 'rules') {
    const rules = await import('./commands/rules.js');
    const [subcommand, ...args] = rest;
    if (subcommand === 'list') return argsFor(rules.RULES_LIST_COMMAND, args, io, (parsed) => rules.runRules('list', parsed, io));
    if (subcommand === 'check') return argsFor(rules.RULES_CHECK_COMMAND, args, io, (parsed) => rules.runRules('check', parsed, io));
    throw new UsageError(subcommand === undefined ? 'name a subcommand: rules list or rules check' : `unknown subcommand: rules ${subcommand}`, 'run `secretscan --help`');
  }
  throw new UsageError(`unknown command: ${command}`, 'run `secretscan --help` for the commands');
}

/**
 * Runs the CLI with `argv` (without the node and script names) and returns the exit code.
 * The only place errors are caught and mapped to exit codes.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const isDebug = argv.includes('--debug');
  const started = performance.now();
  const log = (line: string) => {
    if (isDebug) io.stderr.write(`secretscan: debug: +${Math.round(performance.now() - started)} ms ${printable(line)}\n`);
  };
  // git runs in this process's environment (a hook's GIT_INDEX_FILE included), not `io.env`.
  useGitEnvironment({ env: process.env, cwd: process.cwd() });
  try {
    return await dispatch(argv, io, log);
  } catch (error) {
    return reportError(error, io, isDebug);
  }
}
