import type { ScanInput } from '../../engine/index.js';
import type { ScanResult } from '../../findings/index.js';
import { GitError, UsageError } from '../../errors.js';
import {
  commitMessageChunks,
  DEFAULT_STDIN_PATH,
  historySource,
  listScanTargets,
  onBinaryFile,
  rangeChunks,
  readFiles,
  stagedChunks,
  stdinChunks,
  type ReadOutcome,
  type Repository,
} from '../../sources/index.js';
import type { Io } from '../io.js';

/** Which input a scan reads, as chosen by its flags. */
export type SourceKind = 'tree' | 'stdin' | 'staged' | 'range' | 'history' | 'commit-msg';

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
}

/** A chosen source: its root (reported paths are relative to it) and its chunks. */
export interface Source {
  kind: SourceKind;
  root: string;
  repo: Repository | undefined;
  chunks: AsyncIterable<ScanInput>;
  /** How many files or objects it will read, when known up front (for --debug). */
  size?: number;
  /** A last step over the whole result (history: one finding per secret, provenance, notices). */
  finish?: (result: ScanResult) => Promise<ScanResult>;
  /** Called for each byte input the scanner found to be binary. */
  onBinary?: (input: ScanInput) => void;
  /** How many inputs the source will yield, when it can tell at a cost (for a progress ETA). */
  countTotal?: () => Promise<number>;
}

/** Checks that at most one source is chosen and that the rest of the flags fit it. */
export function sourceKindOf(flags: SourceFlags): SourceKind {
  const chosen = ([['stdin', flags.stdin], ['staged', flags.staged], ['range', flags.range !== undefined], ['history', flags.history], ['commit-msg', flags['commit-msg'] !== undefined]] as const).filter(([, isOn]) => isOn);
  if (chosen.length > 1) throw new UsageError(`choose one of --${chosen.map(([name]) => name).join(', --')}`);
  const kind: SourceKind = chosen[0]?.[0] ?? 'tree';
  if (kind !== 'tree' && flags.paths.length > 0) throw new UsageError(`--${kind} cannot be combined with paths`, 'scan either paths or one git source');
  if (kind !== 'stdin' && flags['stdin-path'] !== undefined) throw new UsageError('--stdin-path needs --stdin');
  return kind;
}

function requireRepository(repo: Repository | undefined, io: Io, kind: SourceKind): Repository {
  if (repo === undefined) throw new GitError('E_NOT_A_REPO', `--${kind} needs a git repository, and ${io.cwd} is not inside one`, { hint: 'run it from inside the repository' });
  if (repo.isBare && kind !== 'history') throw new UsageError(`${repo.root} is a bare repository: it has no index or working tree; use --history or --range`);
  return repo;
}

/**
 * Opens the source the flags ask for, in `repo` (the repository around the working directory, if
 * any). Reading happens lazily as the chunks are consumed.
 */
export async function openSource(flags: SourceFlags, io: Io, repo: Repository | undefined, limits: { maxFileSize: number; outcome: ReadOutcome; isPathSuppressed: (path: string) => boolean; isPathAllowlisted: (path: string) => boolean }): Promise<Source> {
  const { maxFileSize, outcome, isPathSuppressed, isPathAllowlisted } = limits;
  const kind = sourceKindOf(flags);
  if (kind === 'stdin') {
    const bytes = await io.readStdin(maxFileSize);
    if (bytes.length > maxFileSize) {
      throw new UsageError(`standard input is larger than --max-file-size (${maxFileSize} bytes): nothing was scanned`, 'raise --max-file-size (up to 511MiB), or save the input to a file and scan that');
    }
    return { kind, root: repo?.root ?? io.cwd, repo, chunks: stdinChunks(bytes, flags['stdin-path'] ?? DEFAULT_STDIN_PATH, outcome) };
  }
  if (kind === 'tree') {
    if (repo?.isBare === true) throw new UsageError(`${repo.root} is a bare repository: it has no working tree to scan`, 'use --history');
    const targets = await listScanTargets(io.cwd, flags.paths, repo);
    return { kind, root: targets.root, repo, chunks: readFiles(targets.root, targets.paths, maxFileSize, outcome), size: targets.paths.length, onBinary: onBinaryFile(outcome) };
  }
  if (kind === 'commit-msg') {
    // The message file is read wherever it is; the repository (if any) only lends its git config.
    const root = repo?.root ?? io.cwd;
    return { kind, root, repo, chunks: commitMessageChunks(flags['commit-msg'] ?? '', { cwd: io.cwd, root, env: io.env, maxFileSize, outcome }) };
  }
  const gitRepo = requireRepository(repo, io, kind);
  const root = gitRepo.root;
  if (kind === 'staged') return { kind, root, repo: gitRepo, chunks: stagedChunks(root, { maxFileSize, outcome, isPathAllowlisted }) };
  if (kind === 'range') return { kind, root, repo: gitRepo, chunks: rangeChunks(root, flags.range ?? '', { maxFileSize, outcome, isPathAllowlisted }) };
  const history = historySource(root, maxFileSize, outcome, isPathSuppressed);
  return { kind, root, repo: gitRepo, chunks: history.chunks, finish: history.finish, onBinary: history.onBinary, countTotal: history.countTotal };
}
