import { addAuditFindings, auditChecksFor } from '../../audit/index.js';
import { loadConfig, parseSize, pathAllowlistFrom, selectRules, suppressionFrom, DEFAULT_MAX_FILE_SIZE, type Config } from '../../config/index.js';
import { availableParallelism } from 'node:os';
import { createMatcher, inProcessScanner, scanChunks, type ChunkScanner, type SuppressionPolicy } from '../../engine/index.js';
import type { ScanResult } from '../../findings/index.js';
import type { CommitAdvice } from '../../reporters/index.js';
import { applySuppressions, describeSuppressions, describeUnused, loadSuppressions, type Suppressions, type UnusedEntries } from '../../suppress/index.js';
import { packsOf, workerPoolScanner } from '../../parallel/index.js';
import { ConfigError, UsageError } from '../../errors.js';
import { checkRules, loadBuiltinRules, readBuiltinAutomaton, type Rule } from '../../rules/index.js';
import { findRepository, type ReadOutcome } from '../../sources/index.js';
import type { Io } from '../io.js';
import { emitReport } from '../emit-report.js';
import { createProgress } from '../progress.js';
import { armScanStop } from '../scan-stop.js';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { REPORT_OPTIONS, reportFlagsOf, type ReportFlags } from './scan-options.js';
import { openSource, sourceKindOf, type Source, type SourceFlags } from './scan-source.js';

export interface ScanFlags extends ReportFlags, SourceFlags {
  'max-file-size'?: string;
  threads?: number;
  /** Seconds after which the scan stops and reports what it has, marked partial. */
  timeout?: number;
  /** `--baseline FILE`; `--no-baseline` skips the default one; `--report-unused` lists stale entries. */
  baseline?: string;
  'no-baseline'?: boolean;
  'report-unused'?: boolean;
  /** Skip the `.gitignore` audit of secret-bearing files (see src/audit). */
  'no-gitignore-audit'?: boolean;
}

/** Working-tree scans of fewer files than this stay on one thread: workers cost more to start. */
const PARALLEL_TREE_FILES = 256;

/** `secretscan scan`: usage, options and examples. */
export const SCAN_COMMAND: CommandSpec = {
  usage: 'secretscan scan [PATH...] [--staged | --commit-msg FILE | --range BASE..HEAD | --history | --stdin] [options]',
  summary: 'Scan the working tree, given paths, a git source or standard input for secrets.',
  positionals: { description: 'PATH: files or directories to scan (default: the repository, or the current directory outside one)', max: Number.POSITIVE_INFINITY },
  options: [
    { name: 'staged', type: 'boolean', default: false, description: 'scan the lines added in the index against HEAD (the pre-commit hook)' },
    { name: 'range', type: 'string', valueName: 'BASE..HEAD', description: 'scan the lines added by every commit in the range (BASE...HEAD: from their merge base)' },
    { name: 'history', type: 'boolean', default: false, description: 'scan every blob reachable from any ref, each once, with provenance' },
    { name: 'commit-msg', type: 'string', valueName: 'FILE', description: 'scan a commit message file as git will commit it, comments stripped (the commit-msg hook: --commit-msg "$1")' },
    { name: 'stdin', type: 'boolean', default: false, description: 'scan standard input instead of files' },
    { name: 'stdin-path', type: 'string', valueName: 'NAME', description: 'name for standard input in reports and path-limited rules' },
    { name: 'max-file-size', type: 'string', valueName: 'SIZE', description: 'skip (and count) larger files, e.g. 500000, 512KiB, 5MB (default: 10MiB)' },
    { name: 'timeout', type: 'string', valueName: 'SECONDS', description: 'stop after this long, report what was scanned (marked partial) and exit 2' },
    { name: 'threads', type: 'string', valueName: 'N', description: 'worker threads that match for history audits and large trees (default: CPU cores - 1, at most 4; 0 = none)' },
    { name: 'baseline', type: 'string', valueName: 'FILE', description: 'report only findings not recorded in FILE (default: .secretscan-baseline.json at the repository root, if present)' },
    { name: 'no-baseline', type: 'boolean', default: false, description: 'do not use the default baseline file' },
    { name: 'report-unused', type: 'boolean', default: false, description: 'list baseline and .secretscanignore entries that matched no finding (on stderr)' },
    { name: 'no-gitignore-audit', type: 'boolean', default: false, description: 'do not report secret-bearing files (.env, keys) that are tracked, staged, committed or not ignored' },
    ...REPORT_OPTIONS,
  ],
  examples: [
    ['secretscan scan', 'scan the repository you are in'],
    ['secretscan scan --staged', 'scan what is about to be committed'],
    ['secretscan scan --commit-msg .git/COMMIT_EDITMSG', 'scan a commit message (from a commit-msg hook)'],
    ['secretscan scan --range origin/main..HEAD --format sarif -o results.sarif', 'scan the commits of a branch'],
    ['secretscan scan --history', 'audit every version of every file in the repository'],
    ['cat .env | secretscan scan --stdin --stdin-path .env', 'scan standard input'],
  ],
};

/** Turns parsed arguments into scan flags. */
export function scanFlagsOf(args: ParsedArgs): ScanFlags {
  const { values } = args;
  const flags: ScanFlags = {
    ...reportFlagsOf(values),
    paths: args.positionals,
    stdin: values.stdin === true,
    staged: values.staged === true,
    history: values.history === true,
    'no-baseline': values['no-baseline'] === true,
    'report-unused': values['report-unused'] === true,
    'no-gitignore-audit': values['no-gitignore-audit'] === true,
  };
  for (const key of ['range', 'stdin-path', 'max-file-size', 'baseline', 'commit-msg'] as const) {
    const value = values[key];
    if (typeof value === 'string') flags[key] = value;
  }
  if (typeof values.timeout === 'string') {
    const timeout = Number(values.timeout);
    if (!(timeout > 0) || !Number.isFinite(timeout)) throw new UsageError(`--timeout ${values.timeout} is not a positive number of seconds`);
    flags.timeout = timeout;
  }
  if (typeof values.threads === 'string') {
    const threads = Number(values.threads);
    if (!/^\d+$/.test(values.threads)) throw new UsageError(`--threads ${values.threads} is not a whole number`, 'use 0 to match on the main thread, or 1 and up for worker threads');
    flags.threads = threads;
  }
  if (flags.baseline !== undefined && flags['no-baseline'] === true) throw new UsageError('choose one of --baseline, --no-baseline');
  return flags;
}

/** The largest file scanned in one piece: its text must fit in one JavaScript string (512 MiB less a little). */
const MAX_SCANNABLE_SIZE = 512 * 1024 * 1024 - 1024;

function maxFileSizeOf(flag: string | undefined, fromConfig: number | undefined): number {
  if (flag === undefined) return Math.min(fromConfig ?? DEFAULT_MAX_FILE_SIZE, MAX_SCANNABLE_SIZE);
  const size = parseSize(flag);
  if (size === undefined) throw new UsageError(`--max-file-size ${flag} is not a size`, 'use bytes or a unit: 500000, 512KiB, 10MB');
  if (size > MAX_SCANNABLE_SIZE) throw new UsageError(`--max-file-size ${flag} is more than the 511 MiB a file can be scanned in one piece`, 'use --max-file-size 511MiB or less');
  return size;
}

/**
 * Worker threads for matching. By default one fewer than the cores (the main thread reads git's
 * output meanwhile), at most 4, and none on a single core; 0 = match on the main thread.
 */
function threadsOf(flag: number | undefined): number {
  return flag ?? Math.min(Math.max(availableParallelism() - 1, 0), 4);
}

/**
 * Worker threads for history audits and large trees when more than one thread is allowed;
 * otherwise (and when the compiled worker is unavailable) this thread. A history blob is matched
 * once under one of its paths, so whole-path allowlists are applied later, per path it was
 * committed at (see groupBySecret), not by the matcher.
 */
function scannerFor(options: { source: Source; rules: Rule[]; config: Config; policy: SuppressionPolicy; flags: ScanFlags; log: (line: string) => void }): ChunkScanner {
  const { source, rules, config, policy, flags, log } = options;
  const isHistory = source.kind === 'history';
  const threads = threadsOf(flags.threads);
  const isLarge = isHistory || (source.kind === 'tree' && (source.size ?? 0) >= PARALLEL_TREE_FILES);
  const setup = { packs: packsOf(rules), allowlist: config.allowlist, shouldSkipPathSuppression: isHistory, shouldRevealSecrets: flags['show-secrets'] };
  const pool = threads > 0 && isLarge ? workerPoolScanner(threads, setup) : undefined;
  log(pool === undefined ? 'matching on this thread' : `matching on ${threads} worker threads`);
  if (pool !== undefined) return pool;
  const suppression = isHistory ? { ...policy, isPathSuppressed: () => false } : policy;
  return inProcessScanner(createMatcher(rules, { suppression, shouldRevealSecrets: flags['show-secrets'], prebuiltAutomaton: readBuiltinAutomaton() }));
}

/**
 * Custom rules from the config get the checks built-in packs get from `rules check`: their
 * examples, and the timing on adversarial input, so a catastrophic pattern is refused (exit 2)
 * instead of hanging the scan. Built-in rules are checked when they are built.
 */
async function checkCustomRules(rules: readonly Rule[], builtin: readonly Rule[], cwd: string): Promise<void> {
  const builtinIds = new Set(builtin.map((rule) => rule.spec.id));
  const custom = rules.filter((rule) => !builtinIds.has(rule.spec.id));
  if (custom.length === 0) return;
  const problems = await checkRules(custom, { cwd });
  if (problems.length > 0) throw new ConfigError(problems);
}

/**
 * A scan before any report: `result` after every suppression, `root` for reported paths,
 * `projectRoot` (repository root, or working directory outside git) for config, baseline and
 * ignore file, and the entries of those files that matched no finding.
 */
export interface CompletedScan {
  /** Which source was scanned. */
  kind: Source['kind'];
  result: ScanResult;
  rules: Rule[];
  root: string;
  projectRoot: string;
  suppressions: Suppressions;
  unused: UnusedEntries;
}

/**
 * Runs the scan the flags choose, without reporting: shared by `scan` and `baseline`. The baseline
 * and ignore file are read before scanning, so a malformed one fails fast (exit 2).
 */
export async function executeScan(flags: ScanFlags, io: Io, log: (line: string) => void): Promise<CompletedScan> {
  sourceKindOf(flags);
  log('started');
  // Independent start-up work runs together: the git call's wait overlaps reading the rules.
  const [repo, builtin] = await Promise.all([findRepository(io.cwd), loadBuiltinRules()]);
  const projectRoot = repo?.root ?? io.cwd;
  log(`repository: ${repo?.root ?? '(none)'}`);
  const config = await loadConfig(projectRoot, flags.config, io.cwd);
  const rules = selectRules(builtin, config);
  await checkCustomRules(rules, builtin.rules, io.cwd);
  log(`${rules.length} rules loaded; config ${config.file ?? '(none)'}`);
  const suppressions = await loadSuppressions({ root: projectRoot, cwd: io.cwd, baselineFile: flags.baseline, shouldUseDefaultBaseline: flags['no-baseline'] !== true });
  for (const line of describeSuppressions(suppressions, flags['no-baseline'] === true)) log(line);
  const outcome: ReadOutcome = { skipped: [], problems: [] };
  const maxFileSize = maxFileSizeOf(flags['max-file-size'], config.maxFileSize);
  const policy = suppressionFrom(config.allowlist);
  const source = await openSource(flags, io, repo, { maxFileSize, outcome, isPathSuppressed: policy.isPathSuppressed, isPathAllowlisted: pathAllowlistFrom(config.allowlist) });
  log(`${source.kind} scan under ${source.root}${source.size === undefined ? '' : `: ${source.size} files`}`);
  const scanner = scannerFor({ source, rules, config, policy, flags, log });
  const progress = createProgress(io.stderr, source.kind === 'history' ? 'history' : 'scan', source.kind === 'history' ? 'blobs' : 'files');
  if (source.size !== undefined) progress.setTotal(source.size);
  else if (io.stderr.isTTY === true) void source.countTotal?.().then(progress.setTotal, () => undefined);
  const stop = armScanStop(flags.timeout, io);
  let scanned: ScanResult;
  try {
    scanned = await scanChunks(source.chunks, scanner, { onProgress: progress.update, signal: stop.signal, ...(source.onBinary === undefined ? {} : { onBinary: source.onBinary }) });
  } finally {
    stop.dispose();
    progress.done();
    await scanner.close();
  }
  const stopped = stop.reason();
  if (stopped !== undefined) outcome.problems.push({ path: source.root, message: stopped });
  const result = source.finish === undefined ? scanned : await source.finish(scanned);
  result.skipped = outcome.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  result.problems = outcome.problems;
  result.isPartial = result.problems.length > 0;
  log(`scanned ${result.stats.chunks} chunks (${result.stats.bytes} characters) in ${result.stats.durationMs} ms`);
  const checks = flags['no-gitignore-audit'] === true || source.kind === 'commit-msg' ? [] : auditChecksFor({ kind: source.kind, isWholeTree: flags.paths.length === 0 && source.root === repo?.root, isBare: repo?.isBare === true });
  if (repo !== undefined && checks.length > 0) await addAuditFindings(result, { root: repo.root, checks, isPathSuppressed: policy.isPathSuppressed });
  const applied = applySuppressions(result, suppressions);
  return { kind: source.kind, result: applied.result, rules, root: source.root, projectRoot, suppressions, unused: applied.unused };
}

/** Runs a scan of the chosen source, reports it, and returns the exit code. */
export async function runScan(flags: ScanFlags, io: Io, log: (line: string) => void): Promise<number> {
  const scan = await executeScan(flags, io, log);
  if (flags['report-unused'] === true) io.stderr.write(describeUnused(scan.unused, scan.suppressions).map((line) => `secretscan: ${line}\n`).join(''));
  const commitAdvice: CommitAdvice | undefined = scan.kind === 'staged' ? { kind: 'staged' } : scan.kind === 'commit-msg' ? { kind: 'commit-msg', messageFile: flags['commit-msg'] ?? '' } : undefined;
  return emitReport(scan.result, { flags, io, rules: scan.rules, root: scan.root, ...(commitAdvice === undefined ? {} : { commitAdvice }) });
}
