import type { Argv } from 'yargs';
import { loadConfig, parseSize, selectRules, suppressionFrom, DEFAULT_MAX_FILE_SIZE, type Config } from '../../config/index.js';
import { availableParallelism } from 'node:os';
import { createMatcher, inProcessScanner, scanChunks, type ChunkScanner } from '../../engine/index.js';
import type { ScanResult } from '../../findings/index.js';
import { packsOf, workerPoolScanner } from '../../parallel/index.js';
import { UsageError } from '../../errors.js';
import { loadBuiltinRules, type Rule } from '../../rules/index.js';
import { findRepository, type ReadOutcome } from '../../sources/index.js';
import type { Io } from '../io.js';
import { emitReport } from '../emit-report.js';
import { createProgress } from '../progress.js';
import { withReportFlags, type ReportFlags } from './scan-options.js';
import { openSource, sourceKindOf, type Source, type SourceFlags } from './scan-source.js';

export interface ScanFlags extends ReportFlags, SourceFlags {
  'max-file-size'?: string;
  threads?: number;
}

/** Working-tree scans of fewer files than this stay on one thread: workers cost more to start. */
const PARALLEL_TREE_FILES = 256;

/** Declares `scan [paths..]`. */
export function describeScan(yargs: Argv): Argv<ScanFlags> {
  return withReportFlags(yargs)
    .positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'files or directories (default: the repository or current directory)' })
    .option('staged', { type: 'boolean', default: false, describe: 'scan the lines added in the index against HEAD (the pre-commit hook)' })
    .option('range', { type: 'string', describe: 'scan the lines added by every commit in BASE..HEAD (or BASE...HEAD: from their merge base)' })
    .option('history', { type: 'boolean', default: false, describe: 'scan every blob reachable from any ref, each once, with provenance' })
    .option('stdin', { type: 'boolean', default: false, describe: 'scan standard input instead of files' })
    .option('stdin-path', { type: 'string', describe: 'name for standard input in reports and path-limited rules' })
    .option('max-file-size', { type: 'string', describe: 'skip (and count) files larger than this, e.g. 5MB (default: 10MiB)' })
    .option('threads', { type: 'number', describe: 'matching threads for history and large trees (default: CPU cores, at most 4; 1 = no workers)' })
    .example('$0 scan', 'scan the repository you are in')
    .example('$0 scan --staged', 'scan what is about to be committed')
    .example('$0 scan --range origin/main..HEAD --format sarif -o results.sarif', 'scan the commits of a branch')
    .example('$0 scan --history', 'audit every version of every file in the repository')
    .example('cat .env | $0 scan --stdin --stdin-path .env', 'scan standard input') as unknown as Argv<ScanFlags>;
}

function maxFileSizeOf(flag: string | undefined, fromConfig: number | undefined): number {
  if (flag === undefined) return fromConfig ?? DEFAULT_MAX_FILE_SIZE;
  const size = parseSize(flag);
  if (size === undefined) throw new UsageError(`--max-file-size ${flag} is not a size`, 'use bytes or a unit: 500000, 512KiB, 10MB');
  return size;
}

function threadsOf(flag: number | undefined): number {
  if (flag === undefined) return Math.min(availableParallelism(), 4);
  if (!Number.isInteger(flag) || flag < 1) throw new UsageError(`--threads ${flag} is not a positive whole number`);
  return flag;
}

/**
 * Worker threads for history audits and large trees when more than one thread is allowed;
 * otherwise (and when the compiled worker is unavailable) this thread. A history blob is matched
 * once under one of its paths, so whole-path allowlists are applied later, per path it was
 * committed at (see groupBySecret), not by the matcher.
 */
function scannerFor(options: { source: Source; rules: Rule[]; config: Config; flags: ScanFlags; log: (line: string) => void }): ChunkScanner {
  const { source, rules, config, flags, log } = options;
  const isHistory = source.kind === 'history';
  const threads = threadsOf(flags.threads);
  const isLarge = isHistory || (source.kind === 'tree' && (source.size ?? 0) >= PARALLEL_TREE_FILES);
  const setup = { packs: packsOf(rules), allowlist: config.allowlist, shouldSkipPathSuppression: isHistory, shouldRevealSecrets: flags['show-secrets'] };
  const pool = threads > 1 && isLarge ? workerPoolScanner(threads, setup) : undefined;
  log(pool === undefined ? 'matching on this thread' : `matching on ${threads} worker threads`);
  if (pool !== undefined) return pool;
  const policy = suppressionFrom(config.allowlist);
  const suppression = isHistory ? { ...policy, isPathSuppressed: () => false } : policy;
  return inProcessScanner(createMatcher(rules, { suppression, shouldRevealSecrets: flags['show-secrets'] }));
}

/** Runs a scan of the chosen source and returns the exit code. */
export async function runScan(flags: ScanFlags, io: Io, log: (line: string) => void): Promise<number> {
  sourceKindOf(flags);
  const repo = await findRepository(io.cwd);
  const config = await loadConfig(repo?.root ?? io.cwd, flags.config, io.cwd);
  const rules = selectRules(await loadBuiltinRules(), config);
  const policy = suppressionFrom(config.allowlist);
  const outcome: ReadOutcome = { skipped: [], problems: [] };
  const maxFileSize = maxFileSizeOf(flags['max-file-size'], config.maxFileSize);
  const source = await openSource(flags, io, repo, maxFileSize, outcome, policy.isPathSuppressed);
  log(`${source.kind} scan under ${source.root}${source.size === undefined ? '' : `: ${source.size} files`}; ${rules.length} rules; config ${config.file ?? '(none)'}`);
  const scanner = scannerFor({ source, rules, config, flags, log });
  const progress = createProgress(io.stderr, source.kind === 'history' ? 'history' : 'scan', source.kind === 'history' ? 'blobs' : 'files');
  if (source.size !== undefined) progress.setTotal(source.size);
  else if (io.stderr.isTTY === true) void source.countTotal?.().then(progress.setTotal, () => undefined);
  let scanned: ScanResult;
  try {
    scanned = await scanChunks(source.chunks, scanner, { onProgress: progress.update, ...(source.onBinary === undefined ? {} : { onBinary: source.onBinary }) });
  } finally {
    progress.done();
    await scanner.close();
  }
  const result = source.finish === undefined ? scanned : await source.finish(scanned);
  result.skipped = outcome.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  result.problems = outcome.problems;
  result.isPartial = result.problems.length > 0;
  log(`scanned ${result.stats.chunks} chunks (${result.stats.bytes} characters) in ${result.stats.durationMs} ms`);
  return emitReport(result, { flags, io, rules, root: source.root });
}
