import type { Argv } from 'yargs';
import { loadConfig, parseSize, selectRules, suppressionFrom, DEFAULT_MAX_FILE_SIZE } from '../../config/index.js';
import { createMatcher, scanChunks, type Chunk } from '../../engine/index.js';
import { UsageError } from '../../errors.js';
import { loadBuiltinRules } from '../../rules/index.js';
import { DEFAULT_STDIN_PATH, findRepository, listScanTargets, readFiles, stdinChunks, type ReadOutcome } from '../../sources/index.js';
import type { Io } from '../io.js';
import { emitReport } from '../emit-report.js';
import { withReportFlags, type ReportFlags } from './scan-options.js';

export interface ScanFlags extends ReportFlags {
  paths: string[];
  stdin: boolean;
  'stdin-path'?: string;
  'max-file-size'?: string;
}

/** Declares `scan [paths..]`. */
export function describeScan(yargs: Argv): Argv<ScanFlags> {
  return withReportFlags(yargs)
    .positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'files or directories (default: the repository or current directory)' })
    .option('stdin', { type: 'boolean', default: false, describe: 'scan standard input instead of files' })
    .option('stdin-path', { type: 'string', describe: 'name for standard input in reports and path-limited rules' })
    .option('max-file-size', { type: 'string', describe: 'skip (and count) files larger than this, e.g. 5MB (default: 10MiB)' })
    .example('$0 scan', 'scan the repository you are in')
    .example('cat .env | $0 scan --stdin --stdin-path .env', 'scan standard input') as unknown as Argv<ScanFlags>;
}

function maxFileSizeOf(flag: string | undefined, fromConfig: number | undefined): number {
  if (flag === undefined) return fromConfig ?? DEFAULT_MAX_FILE_SIZE;
  const size = parseSize(flag);
  if (size === undefined) throw new UsageError(`--max-file-size ${flag} is not a size`, 'use bytes or a unit: 500000, 512KiB, 10MB');
  return size;
}

/** Runs a working-tree, path or stdin scan and returns the exit code. */
export async function runScan(flags: ScanFlags, io: Io, log: (line: string) => void): Promise<number> {
  if (flags.stdin && flags.paths.length > 0) throw new UsageError('--stdin cannot be combined with paths', 'pipe the content in, or name files, not both');
  if (!flags.stdin && flags['stdin-path'] !== undefined) throw new UsageError('--stdin-path needs --stdin');
  const repo = await findRepository(io.cwd);
  if (repo?.isBare === true && !flags.stdin) throw new UsageError(`${repo.root} is a bare repository: it has no working tree to scan`);
  const config = await loadConfig(repo?.root ?? io.cwd, flags.config, io.cwd);
  const rules = selectRules(await loadBuiltinRules(), config);
  const matcher = createMatcher(rules, { suppression: suppressionFrom(config.allowlist), shouldRevealSecrets: flags['show-secrets'] });
  const outcome: ReadOutcome = { skipped: [], problems: [] };
  let root = repo?.root ?? io.cwd;
  let chunks: AsyncIterable<Chunk>;
  if (flags.stdin) {
    chunks = stdinChunks(await io.readStdin(), flags['stdin-path'] ?? DEFAULT_STDIN_PATH, outcome);
  } else {
    const targets = await listScanTargets(io.cwd, flags.paths, repo);
    root = targets.root;
    log(`${targets.paths.length} files to scan under ${root}; ${rules.length} rules; config ${config.file ?? '(none)'}`);
    chunks = readFiles(targets.root, targets.paths, maxFileSizeOf(flags['max-file-size'], config.maxFileSize), outcome);
  }
  const result = await scanChunks(chunks, matcher);
  result.skipped = outcome.skipped.sort((a, b) => (a.path < b.path ? -1 : 1));
  result.problems = outcome.problems;
  result.isPartial = result.problems.length > 0;
  log(`scanned ${result.stats.chunks} chunks (${result.stats.bytes} characters) in ${result.stats.durationMs} ms`);
  return emitReport(result, { flags, io, rules, root });
}
