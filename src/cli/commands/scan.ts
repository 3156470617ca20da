import { parseSize } from '../../config/index.js';
import { describeUnused } from '../../suppress/index.js';
import { UsageError } from '../../errors.js';
import type { CommitAdvice, ScannedRepository } from '../../reporters/index.js';
import { MAX_REPOSITORY_NAME_LENGTH, repositoryIdentityOf } from '../../sources/index.js';
import { DEFAULT_MAX_FINDINGS, executeScan, MAX_SCANNABLE_SIZE, MAX_TIMEOUT_SECONDS, type ScanOptions, type SourceRequest } from '../../pipeline/index.js';
import type { Io } from '../io.js';
import { emitReport } from '../emit-report.js';
import { progressOn } from '../progress.js';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { REPORT_OPTIONS, reportFlagsOf, type ReportFlags } from './scan-options.js';
import { FAIL_ON_OPTION, VERIFY_OPTIONS, verifyFlagsOf, verifyRequestOf, type FailOn, type VerifyFlags } from './verify-options.js';

/** The flags that pick the source. */
export interface SourceFlags {
  paths: string[];
  stdin: boolean;
  'stdin-path'?: string;
  staged: boolean;
  range?: string;
  history: boolean;
  /** `--commit-msg FILE`: the message file a commit-msg hook was given. */
  'commit-msg'?: string;
  /** Read the files as HEAD holds them, not the working tree (`baseline` without --include-uncommitted). */
  'committed-only'?: boolean;
}

export interface ScanFlags extends ReportFlags, SourceFlags, VerifyFlags {
  /** `--fail-on`. Default: low (any finding exits 1). */
  'fail-on'?: FailOn;
  'max-file-size'?: string;
  threads?: number;
  /** `--max-findings N`: findings kept in detail; the rest are counted (see ScanOptions.maxFindings). */
  'max-findings'?: number;
  /** Seconds after which the scan stops and reports what it has, marked partial. */
  timeout?: number;
  /** `--baseline FILE`; `--no-baseline` skips the default one; `--report-unused` lists stale entries. */
  baseline?: string;
  'no-baseline'?: boolean;
  'report-unused'?: boolean;
  /** Skip the `.gitignore` audit of secret-bearing files (see src/sensitive-files). */
  'no-gitignore-audit'?: boolean;
  /** `--repository NAME`: the name JSON and HTML reports give the repository instead of its `origin`. */
  repository?: string;
}

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
    { name: 'max-findings', type: 'string', valueName: 'N', description: `list at most N findings in detail; the rest are counted by severity, said in the report and still fail the scan (default: ${DEFAULT_MAX_FINDINGS})` },
    { name: 'timeout', type: 'string', valueName: 'SECONDS', description: 'stop after this long, report what was scanned (marked partial) and exit 2' },
    { name: 'threads', type: 'string', valueName: 'N', description: 'worker threads that match for history audits and large trees (default: CPU cores - 1, at most 4; 0 = none)' },
    { name: 'baseline', type: 'string', valueName: 'FILE', description: 'report only findings not recorded in FILE (default: .secretscan-baseline.json at the repository root, if present)' },
    { name: 'no-baseline', type: 'boolean', default: false, description: 'do not use the default baseline file' },
    { name: 'report-unused', type: 'boolean', default: false, description: 'list baseline and .secretscanignore entries that matched no finding (on stderr)' },
    { name: 'no-gitignore-audit', type: 'boolean', default: false, description: 'do not report secret-bearing files (.env, keys) that are tracked, staged, committed or not ignored' },
    { name: 'repository', type: 'string', valueName: 'NAME', description: 'the repository name JSON and HTML reports carry (default: the origin URL as host/owner/name)' },
    ...VERIFY_OPTIONS,
    FAIL_ON_OPTION,
    ...REPORT_OPTIONS,
  ],
  examples: [
    ['secretscan scan', 'scan the repository you are in'],
    ['secretscan scan --staged', 'scan what is about to be committed'],
    ['secretscan scan --commit-msg .git/COMMIT_EDITMSG', 'scan a commit message (from a commit-msg hook)'],
    ['secretscan scan --range origin/main..HEAD --format sarif -o results.sarif', 'scan the commits of a branch'],
    ['secretscan scan --history', 'audit every version of every file in the repository'],
    ['cat .env | secretscan scan --stdin --stdin-path .env', 'scan standard input'],
    ['secretscan scan --history --verify --fail-on live', 'audit history and fail only on secrets their providers still accept'],
  ],
};

/** Turns parsed arguments into scan flags. */
export function scanFlagsOf(args: ParsedArgs): ScanFlags {
  const { values } = args;
  const flags: ScanFlags = {
    ...reportFlagsOf(values),
    ...verifyFlagsOf(values),
    paths: args.positionals,
    stdin: values.stdin === true,
    staged: values.staged === true,
    history: values.history === true,
    'no-baseline': values['no-baseline'] === true,
    'report-unused': values['report-unused'] === true,
    'no-gitignore-audit': values['no-gitignore-audit'] === true,
  };
  for (const key of ['range', 'stdin-path', 'max-file-size', 'baseline', 'commit-msg', 'repository'] as const) {
    const value = values[key];
    if (typeof value === 'string') flags[key] = value;
  }
  if (typeof values.timeout === 'string') {
    const timeout = Number(values.timeout);
    if (!(timeout > 0) || !Number.isFinite(timeout)) throw new UsageError(`--timeout ${values.timeout} is not a positive number of seconds`);
    if (timeout > MAX_TIMEOUT_SECONDS)
      throw new UsageError(`--timeout ${values.timeout} is longer than the longest timeout, ${MAX_TIMEOUT_SECONDS} seconds (about 24 days)`, `use --timeout ${MAX_TIMEOUT_SECONDS} or less, or leave it out to scan without a time limit`);
    flags.timeout = timeout;
  }
  if (typeof values.threads === 'string') {
    const threads = Number(values.threads);
    if (!/^\d+$/.test(values.threads)) throw new UsageError(`--threads ${values.threads} is not a whole number`, 'use 0 to match on the main thread, or 1 and up for worker threads');
    flags.threads = threads;
  }
  if (typeof values['fail-on'] === 'string' && values['fail-on'] !== 'low') flags['fail-on'] = values['fail-on'] as FailOn;
  if (typeof values['max-findings'] === 'string') {
    if (!/^\d+$/.test(values['max-findings']) || Number(values['max-findings']) < 1 || !Number.isSafeInteger(Number(values['max-findings'])))
      throw new UsageError(`--max-findings ${values['max-findings']} is not a whole number of 1 or more`, `e.g. --max-findings ${DEFAULT_MAX_FINDINGS}`);
    flags['max-findings'] = Number(values['max-findings']);
  }
  if (flags.baseline !== undefined && flags['no-baseline'] === true) throw new UsageError('choose one of --baseline, --no-baseline');
  if (flags.repository !== undefined) checkRepositoryName(flags.repository);
  return flags;
}

function checkRepositoryName(name: string): void {
  if (name.trim() === '' || /[\0-\x1f\x7f]/.test(name)) throw new UsageError('--repository needs a name without control characters', 'e.g. --repository github.com/acme/api');
  if (name.length > MAX_REPOSITORY_NAME_LENGTH) throw new UsageError(`--repository is longer than ${MAX_REPOSITORY_NAME_LENGTH} characters`);
}

/** Which input the flags pick. */
type SourceFlagKind = SourceRequest['kind'];

/** Checks that at most one source is chosen and that the rest of the flags fit it. */
function sourceKindOf(flags: SourceFlags): SourceFlagKind {
  const chosen = (
    [
      ['stdin', flags.stdin],
      ['staged', flags.staged],
      ['range', flags.range !== undefined],
      ['history', flags.history],
      ['commit-msg', flags['commit-msg'] !== undefined],
    ] as const
  ).filter(([, isOn]) => isOn);
  if (chosen.length > 1) throw new UsageError(`choose one of --${chosen.map(([name]) => name).join(', --')}`);
  const kind: SourceFlagKind = chosen[0]?.[0] ?? 'tree';
  if (kind !== 'tree' && flags.paths.length > 0) throw new UsageError(`--${kind} cannot be combined with paths`, 'scan either paths or one git source');
  if (kind !== 'stdin' && flags['stdin-path'] !== undefined) throw new UsageError('--stdin-path needs --stdin');
  return kind;
}

/** The source the flags ask for; standard input is read only when the scan starts reading. */
function sourceRequestOf(flags: SourceFlags, io: Io): SourceRequest {
  const kind = sourceKindOf(flags);
  if (kind === 'tree') return { kind, paths: flags.paths, ...(flags['committed-only'] === true ? { isCommittedOnly: true } : {}) };
  if (kind === 'stdin') return { kind, read: io.readStdin, ...(flags['stdin-path'] === undefined ? {} : { path: flags['stdin-path'] }) };
  if (kind === 'range') return { kind, range: flags.range ?? '' };
  if (kind === 'commit-msg') return { kind, file: flags['commit-msg'] ?? '', env: io.env };
  return { kind };
}

function maxFileSizeOf(flag: string | undefined): number | undefined {
  if (flag === undefined) return undefined;
  const size = parseSize(flag);
  if (size === undefined) throw new UsageError(`--max-file-size ${flag} is not a size`, 'use bytes or a unit: 500000, 512KiB, 10MB');
  if (size > MAX_SCANNABLE_SIZE) throw new UsageError(`--max-file-size ${flag} is more than the 511 MiB a file can be scanned in one piece`, 'use --max-file-size 511MiB or less');
  return size;
}

/**
 * The pipeline's options for a command's flags and streams: shared by `scan` and `baseline`.
 * Flag combinations are checked here, before anything is read.
 */
export function scanOptionsOf(flags: ScanFlags, io: Io, log: (line: string) => void): ScanOptions {
  const options: ScanOptions = {
    cwd: io.cwd,
    source: sourceRequestOf(flags, io),
    shouldUseDefaultBaseline: flags['no-baseline'] !== true,
    shouldRevealSecrets: flags['show-secrets'],
    shouldAuditGitignore: flags['no-gitignore-audit'] !== true,
    log,
  };
  const maxFileSize = maxFileSizeOf(flags['max-file-size']);
  if (maxFileSize !== undefined) options.maxFileSize = maxFileSize;
  if (flags.config !== undefined) options.config = flags.config;
  if (flags.baseline !== undefined) options.baseline = flags.baseline;
  if (flags.threads !== undefined) options.threads = flags.threads;
  if (flags.timeout !== undefined) options.timeoutSeconds = flags.timeout;
  if (flags['max-findings'] !== undefined) options.maxFindings = flags['max-findings'];
  const progressFor = progressOn(io);
  if (progressFor !== undefined) options.progressFor = progressFor;
  if (io.onInterrupt !== undefined) options.onInterrupt = io.onInterrupt;
  return options;
}

// Formats that name the repository; the others skip the two git calls (the pre-commit hook among them).
const NAMING_FORMATS: readonly string[] = ['json', 'html'];

/** The repository JSON and HTML reports name: `--repository`, else `origin`; with HEAD's commit. */
async function scannedRepositoryOf(flags: ScanFlags, repoRoot: string | undefined): Promise<ScannedRepository | undefined> {
  if (!NAMING_FORMATS.includes(flags.format)) return undefined;
  const identity = repoRoot === undefined ? {} : await repositoryIdentityOf(repoRoot);
  const name = flags.repository ?? identity.name;
  if (name === undefined) return undefined;
  return { name, ...(identity.commit === undefined ? {} : { commit: identity.commit }) };
}

/** Runs a scan of the chosen source, reports it, and returns the exit code. */
export async function runScan(flags: ScanFlags, io: Io, log: (line: string) => void): Promise<number> {
  const scan = await executeScan({ ...scanOptionsOf(flags, io, log), verify: verifyRequestOf(flags, io, log) });
  if (flags['fail-on'] === 'live' && !scan.isVerified) throw new UsageError('--fail-on live needs verification: add --verify (or `verify: true` to the config)');
  if (flags['report-unused'] === true)
    io.stderr.write(
      describeUnused(scan.unused, scan.suppressions)
        .map((line) => `secretscan: ${line}\n`)
        .join(''),
    );
  const repository = await scannedRepositoryOf(flags, scan.repo?.root);
  const commitAdvice: CommitAdvice | undefined = scan.sourceKind === 'staged' ? { kind: 'staged' } : scan.sourceKind === 'commit-msg' ? { kind: 'commit-msg', messageFile: flags['commit-msg'] ?? '' } : undefined;
  return emitReport(scan.result, {
    flags,
    io,
    rules: scan.rules,
    root: scan.root,
    ...(flags['fail-on'] === undefined ? {} : { failOn: flags['fail-on'] }),
    ...(commitAdvice === undefined ? {} : { commitAdvice }),
    ...(repository === undefined ? {} : { repository }),
  });
}
