import yargs from 'yargs';
import { ScanError } from '../errors.js';
import { describeRules } from './commands/rules.js';
import { describeScan, runScan, type ScanFlags } from './commands/scan.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';
import { packageInfo } from './package-info.js';

function reportError(error: unknown, io: Io, isDebug: boolean): number {
  if (error instanceof ScanError) {
    io.stderr.write(`secretscan: ${error.message}\n`);
    if (error.hint !== undefined) io.stderr.write(`hint: ${error.hint}\n`);
    if (isDebug && error.cause instanceof Error) io.stderr.write(`cause: ${error.cause.message}\n`);
    return error.exitCode;
  }
  io.stderr.write(`secretscan: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  io.stderr.write('this is a bug; please report it with the command you ran (add --debug for the stack)\n');
  if (isDebug && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
  return EXIT.internalError;
}

/**
 * Runs the CLI with `argv` (without the node and script names) and returns the exit code.
 * The only place errors are caught and mapped to exit codes.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.clean;
  const setExit = (code: number) => (exitCode = code);
  const isDebug = argv.includes('--debug');
  const log = (line: string) => {
    if (isDebug) io.stderr.write(`secretscan: debug: ${line}\n`);
  };
  const parser = yargs()
    .scriptName('secretscan')
    .usage('$0 <command> [options]')
    .command<ScanFlags>('scan [paths..]', 'scan the working tree, given paths, or stdin for secrets', describeScan, async (args) => {
      setExit(await runScan(args, io, log));
    })
    .command('rules', 'list or check rule packs', (y) => describeRules(y, io, setExit))
    .demandCommand(1, 'name a command, e.g. `secretscan scan`')
    .strict()
    .version(packageInfo().version)
    .help()
    .wrap(Math.min(100, 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new ScanError('E_USAGE', message ?? 'invalid command line', { hint: 'run `secretscan --help`' });
    });
  try {
    await parser.parseAsync([...argv], {}, (_error, _args, output) => {
      if (output !== '') io.stdout.write(`${output}\n`);
    });
  } catch (error) {
    return reportError(error, io, isDebug);
  }
  return exitCode;
}
