import type { AutomatonTables } from './keyword-automaton.js';
import type { CommitInfo } from '../findings/index.js';
import type { SuppressionPolicy } from '../suppress/index.js';

export type { Candidate, SuppressionPolicy } from '../suppress/index.js';

/**
 * Which input a scan reads, and so where a chunk came from: the working tree (or paths in it, or
 * the files HEAD holds), standard input, the index, a commit range, the history, or a commit
 * message being written. One list for the CLI, the Action, the pipeline and the engine.
 */
export type SourceKind = 'tree' | 'stdin' | 'staged' | 'range' | 'history' | 'commit-msg';

/** The unit the matcher sees: a file's text, or the added lines of one diff hunk. */
export interface Chunk {
  origin: SourceKind;
  /** Repository-relative path with `/` separators. */
  path: string;
  text: string;
  /** 1-based line number, in the new file, of the first line of `text`. Default: 1. */
  startLine: number;
  commit?: CommitInfo;
  /** History scans: the blob the text is, so findings can be traced back to every path and commit. */
  blob?: string;
  /**
   * The text's bytes when it is valid UTF-8 (without a byte-order mark): the keyword pass then runs
   * on bytes, which is faster, and maps byte offsets to character offsets only where it hits
   * (no mapping at all when `isAscii`).
   */
  utf8?: { bytes: Uint8Array; isAscii: boolean };
}

/**
 * A chunk still in bytes (history blobs): decoded, and checked for being binary, by whichever
 * thread scans it, so the thread reading git's output only moves bytes.
 */
export interface ByteChunk extends Omit<Chunk, 'text'> {
  bytes: Uint8Array;
}

/** Anything the scanner accepts. */
export type ScanInput = Chunk | ByteChunk;

/** Matcher options. */
export interface MatcherOptions {
  /** Keyword automaton tables built ahead (by the build, for the built-in rules); used when their keywords are this rule set's. */
  prebuiltAutomaton?: AutomatonTables | undefined;
  suppression?: SuppressionPolicy;
  /**
   * Return each finding's raw value beside it (`ChunkScan.secrets`), for the scan's second pass,
   * which looks for every other copy of the values found. Never on the findings. Default: false.
   */
  shouldKeepValues?: boolean;
  /** Put the raw secret on each Finding (`--show-secrets`). Default: false. */
  shouldRevealSecrets?: boolean;
  /**
   * At most this many findings of one chunk are built in detail (the first by position); the rest
   * are only counted by severity (`ChunkScan.unlisted`). Default: no limit.
   */
  maxFindings?: number;
}
