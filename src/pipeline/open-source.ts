import type { ScanInput, SourceKind } from '../engine/index.js';
import type { ScanResult, ValuePlace } from '../findings/index.js';
import { GitError, UsageError } from '../errors.js';
import {
  commitMessageChunks,
  committedFileInputs,
  committedPrefixes,
  listCommittedFiles,
  DEFAULT_STDIN_PATH,
  historyAddedPaths,
  historySource,
  listScanTargets,
  rangeAddedPaths,
  rangeChunks,
  readFiles,
  stagedAddedPaths,
  stagedChunks,
  stdinChunks,
  type ReadOutcome,
  type Repository,
  type VisitedPath,
} from '../sources/index.js';

export type { SourceKind } from '../engine/index.js';

/** What to scan (one request per SourceKind): the working tree (or paths in it), standard input, the index, a range, or the history. */
export type SourceRequest =
  | {
      kind: 'tree';
      /** Files or directories, relative to the working directory; empty = the whole tree. */
      paths: string[];
      /** In a repository, read the files as HEAD holds them instead of the working tree (a baseline's default). Default: false. */
      isCommittedOnly?: boolean;
    }
  | {
      kind: 'stdin';
      /** Reads the input, stopping once it holds more than `maxBytes` bytes; called when the scan starts reading. */
      read: (maxBytes: number) => Promise<Buffer>;
      /** Its name in reports and for path-limited rules. */
      path?: string;
    }
  | { kind: 'staged' }
  | {
      kind: 'range';
      /** `BASE..HEAD` or `BASE...HEAD`. */
      range: string;
    }
  | { kind: 'history' }
  | {
      kind: 'commit-msg';
      /** The message file a commit-msg hook was given, relative to the working directory. */
      file: string;
      /** The environment git runs in (the hook's: GIT_DIR and the like). */
      env: Readonly<Record<string, string | undefined>>;
    };

/** A chosen source: its root (reported paths are relative to it) and its chunks. */
export interface Source {
  kind: SourceKind;
  root: string;
  repo: Repository | undefined;
  chunks: AsyncIterable<ScanInput>;
  /** How many files or objects it will read, when known up front (for --debug and the progress total). */
  size?: number;
  /** Paths left unread because an allowlist covers them; counted as suppressed by path. */
  suppressedPaths?: number;
  /** A last step over the whole result (history: one finding per secret, with every place its value sits, provenance, notices). */
  finish?: (result: ScanResult, valuePlaces?: ReadonlyMap<string, readonly ValuePlace[]>) => Promise<ScanResult>;
  /**
   * The same inputs read again, recording nothing (no skipped files, no problems): the second pass
   * that looks for every copy of the values found, when the first pass read too much to keep.
   */
  reread: () => AsyncIterable<ScanInput>;
  /** Called for each byte input the scanner found to be binary. */
  onBinary?: (input: ScanInput) => void;
  /** How many inputs the source will yield, when it can tell at a cost (for a progress ETA). */
  countTotal?: () => Promise<number>;
  /** For a scan of committed files only: their paths (findings elsewhere, e.g. from the `.gitignore` audit, are dropped). */
  committedPaths?: ReadonlySet<string>;
  /**
   * The file names the scan covers, for the file-name check: the tree's files, or the paths the
   * index, the range or the history adds (a rename's new name included), each once.
   */
  visitedPaths?: () => Promise<VisitedPath[]>;
}

function visitedFiles(paths: readonly string[]): () => Promise<VisitedPath[]> {
  return async () => paths.map((path) => ({ path }));
}

function requireRepository(repo: Repository | undefined, cwd: string, kind: SourceKind): Repository {
  if (repo === undefined) throw new GitError('E_NOT_A_REPO', `--${kind} needs a git repository, and ${cwd} is not inside one`, { hint: 'run it from inside the repository' });
  if (repo.isBare && kind !== 'history') throw new UsageError(`${repo.root} is a bare repository: it has no index or working tree; use --history or --range`);
  return repo;
}

/** Where and how a source reads. */
export interface OpenOptions {
  cwd: string;
  /** The repository around the working directory, if any. */
  repo: Repository | undefined;
  maxFileSize: number;
  outcome: ReadOutcome;
  isPathSuppressed: (path: string) => boolean;
  /** Whether a whole-path allowlist entry covers the path (staged and range scans). */
  isPathAllowlisted: (path: string) => boolean;
}

/** An outcome nobody reads: a second pass over inputs already accounted for records nothing. */
function unrecorded(): ReadOutcome {
  return { skipped: [], problems: [] };
}

/** Opens the requested source. Reading happens lazily as the chunks are consumed. */
export async function openSource(request: SourceRequest, options: OpenOptions): Promise<Source> {
  const { cwd, repo, maxFileSize, outcome, isPathSuppressed, isPathAllowlisted } = options;
  const kind = request.kind;
  if (request.kind === 'stdin') {
    const bytes = await request.read(maxFileSize);
    if (bytes.length > maxFileSize) {
      throw new UsageError(`standard input is larger than --max-file-size (${maxFileSize} bytes): nothing was scanned`, 'raise --max-file-size (up to 511MiB), or save the input to a file and scan that');
    }
    const path = request.path ?? DEFAULT_STDIN_PATH;
    return { kind, root: repo?.root ?? cwd, repo, chunks: stdinChunks(bytes, path), reread: () => stdinChunks(bytes, path) };
  }
  if (request.kind === 'tree') {
    if (repo?.isBare === true) throw new UsageError(`${repo.root} is a bare repository: it has no working tree to scan`, 'use --history');
    if (request.isCommittedOnly === true && repo !== undefined) {
      const files = await listCommittedFiles(repo.root, committedPrefixes(repo.root, cwd, request.paths));
      const committedPaths = new Set(files.map((file) => file.path));
      const chunks = committedFileInputs(repo.root, files, maxFileSize, outcome);
      return { kind, root: repo.root, repo, chunks, reread: () => committedFileInputs(repo.root, files, maxFileSize, unrecorded()), size: files.length, committedPaths, visitedPaths: visitedFiles([...committedPaths]) };
    }
    const targets = await listScanTargets(cwd, request.paths, repo);
    // Allowlisted paths are not read at all: the progress total is what will be read.
    const toRead = targets.paths.filter((path) => !isPathSuppressed(path));
    const suppressedPaths = targets.paths.length - toRead.length;
    const reread = (): AsyncIterable<ScanInput> => readFiles(targets.root, toRead, maxFileSize, unrecorded());
    return { kind, root: targets.root, repo, chunks: readFiles(targets.root, toRead, maxFileSize, outcome), reread, size: toRead.length, suppressedPaths, visitedPaths: visitedFiles(toRead) };
  }
  if (request.kind === 'commit-msg') {
    // The message file is read wherever it is; the repository (if any) only lends its git config.
    const root = repo?.root ?? cwd;
    const messageOptions = { cwd, root, env: request.env, maxFileSize };
    return { kind, root, repo, chunks: commitMessageChunks(request.file, { ...messageOptions, outcome }), reread: () => commitMessageChunks(request.file, { ...messageOptions, outcome: unrecorded() }) };
  }
  const gitRepo = requireRepository(repo, cwd, kind);
  const root = gitRepo.root;
  if (request.kind === 'staged') {
    const reread = (): AsyncIterable<ScanInput> => stagedChunks(root, { maxFileSize, outcome: unrecorded(), isPathAllowlisted });
    return { kind, root, repo: gitRepo, chunks: stagedChunks(root, { maxFileSize, outcome, isPathAllowlisted }), reread, visitedPaths: () => stagedAddedPaths(root) };
  }
  if (request.kind === 'range') {
    const { range } = request;
    const reread = (): AsyncIterable<ScanInput> => rangeChunks(root, range, { maxFileSize, outcome: unrecorded(), isPathAllowlisted });
    return { kind, root, repo: gitRepo, chunks: rangeChunks(root, range, { maxFileSize, outcome, isPathAllowlisted }), reread, visitedPaths: () => rangeAddedPaths(root, range) };
  }
  const history = historySource(root, maxFileSize, outcome, isPathSuppressed);
  return { kind, root, repo: gitRepo, chunks: history.chunks, reread: history.reread, finish: history.finish, onBinary: history.onBinary, countTotal: history.countTotal, visitedPaths: () => historyAddedPaths(root) };
}
