import type { Argv } from 'yargs';
import { loadConfig, parseSize, selectRules, suppressionFrom, DEFAULT_MAX_FILE_SIZE } from '../../config/index.js';
import { createMatcher, scanChunks } from '../../engine/index.js';
import { UsageError } from '../../errors.js';
import { loadBuiltinRules } from '../../rules/index.js';
import { findRepository, type ReadOutcome } from '../../sources/index.js';
import type { Io } from '../io.js';
import { emitReport } from '../emit-report.js';
import { withReportFlags, type ReportFlags } from './scan-options.js';
import { openSource, sourceKindOf, type SourceFlags } from './scan-source.js';

export interface ScanFlags extends ReportFlags, SourceFlags {
  'max-file-size'?: string;
}

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

/** Runs a scan of the chosen source and returns the exit code. */
export async function runScan(flags: ScanFlags, io: Io, log: (line: string) => void): Promise<number> {
  const kind = sourceKindOf(flags);
  const repo = await findRepository(io.cwd);
  const config = await loadConfig(repo?.root ?? io.cwd, flags.config, io.cwd);
  const rules = selectRules(await loadBuiltinRules(), config);
  const policy = suppressionFrom(config.allowlist);
  // A history blob is matched once under one of its paths; whole-path allowlists are applied
  // afterwards to each path it was committed at (see groupBySecret).
  const suppression = kind === 'history' ? { ...policy, isPathSuppressed: () => false } : policy;
  const matcher = createMatcher(rules, { suppression, shouldRevealSecrets: flags['show-secrets'] });
  const outcome: ReadOutcome = { skipped: [], problems: [] };
  const maxFileSize = maxFileSizeOf(flags['max-file-size'], config.maxFileSize);
  const source = await openSource(flags, io, repo, maxFileSize, outcome, policy.isPathSuppressed);
  log(`${source.kind} scan under ${source.root}${source.size === undefined ? '' : `: ${source.size} files`}; ${rules.length} rules; config ${config.file ?? '(none)'}`);
  const scanned = await scanChunks(source.chunks, matcher);
  const result = source.finish === undefined ? scanned : await source.finish(scanned);
  result.skipped = outcome.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  result.problems = outcome.problems;
  result.isPartial = result.problems.length > 0;
  log(`scanned ${result.stats.chunks} chunks (${result.stats.bytes} characters) in ${result.stats.durationMs} ms`);
  return emitReport(result, { flags, io, rules, root: source.root });
}
