import type { ScanResult } from '../findings/index.js';
import type { Rule } from '../rules/index.js';
import type { Repository } from '../sources/index.js';
import type { Suppressions, UnusedEntries } from '../suppress/index.js';
import type { Verifier } from '../verify/index.js';
import type { SourceKind } from '../engine/index.js';
import type { SourceRequest } from './open-source.js';

/** A progress display the scan updates; the caller decides where (if anywhere) it is drawn. */
export interface ScanProgress {
  /** Called after each input is scanned, with running totals (inputs, characters). */
  update: (items: number, characters: number) => void;
  setTotal: (total: number) => void;
  done: () => void;
}

/** Whether and how a scan verifies its findings with their providers. */
export interface VerifyRequest {
  /** true: `--verify`; false: `--no-verify`; undefined: the config's `verify` decides. */
  isOn?: boolean;
  /** The run's verifier, created on first use and shared by its scans, so each request is sent once. */
  verifier: () => Verifier;
}

/** Everything one scan needs: what to read, where, with which config, limits and observers. */
export interface ScanOptions {
  /** The working directory: the repository around it is found, relative paths resolve against it. */
  cwd: string;
  source: SourceRequest;
  /** A config file, relative to `cwd`. Default: `.secretscan.yaml` at the repository root. */
  config?: string;
  /** A baseline file, relative to `cwd`. Default: `.secretscan-baseline.json` at the repository root, if present. */
  baseline?: string;
  /**
   * Read the config, baseline and ignore file as this commit holds them (git), never from the work
   * tree: a pull request's scan is set up by its base, not by the pull request. Default: the files.
   */
  settingsCommit?: string;
  /** Whether the default baseline file is used when `baseline` is not given. Default: true. */
  shouldUseDefaultBaseline?: boolean;
  /** Larger files are skipped (and counted), in bytes. Default: the config's, else 10 MiB. */
  maxFileSize?: number;
  /** Worker threads for history audits and large trees; 0 = match on this thread. Default: CPU cores - 1, at most 4. */
  threads?: number;
  /** Seconds after which the scan stops and returns what it has, marked partial. */
  timeoutSeconds?: number;
  /**
   * Bytes of input the scan keeps for its second pass (every other place a found value sits); a
   * scan that reads more reads its source again for that pass. Default: 32 MiB.
   */
  retainBytes?: number;
  /**
   * Findings kept in detail; past it, matches are counted by severity (`ScanResult.unlisted`), the
   * report says so and the scan still fails. Keeps memory bounded on a file with a million matches.
   * Default: DEFAULT_MAX_FINDINGS.
   */
  maxFindings?: number;
  /** Keep raw secret values on the findings (`--show-secrets`). Default: false. */
  shouldRevealSecrets?: boolean;
  /** Verification: absent means never (whatever the config says), e.g. for `baseline`. */
  verify?: VerifyRequest;
  /** Report secret-bearing files (.env, keys) that are tracked, staged, committed or not ignored. Default: true. */
  shouldAuditGitignore?: boolean;
  /** Debug lines: rule ids, paths, counts and timings, never chunk text. */
  log?: (line: string) => void;
  /** A progress display for a source of this kind, or undefined for none (then nothing is counted up front). */
  progressFor?: (kind: SourceKind) => ScanProgress | undefined;
  /** Registers a handler for an interrupt (Ctrl-C); returns the function that unregisters it. */
  onInterrupt?: (handler: () => void) => () => void;
}

/**
 * A scan before any report: `result` after every suppression, `rules` it ran, `root` for reported
 * paths, `projectRoot` (repository root, or working directory outside git) for config, baseline
 * and ignore file, and the entries of those files that matched no finding.
 */
export interface CompletedScan {
  result: ScanResult;
  rules: Rule[];
  root: string;
  projectRoot: string;
  /** The repository around the working directory, if any. */
  repo: Repository | undefined;
  sourceKind: SourceKind;
  suppressions: Suppressions;
  unused: UnusedEntries;
  /** Whether the findings were verified (`--verify`, or `verify: true` in the config). */
  isVerified: boolean;
}
