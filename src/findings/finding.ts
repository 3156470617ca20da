/** How bad a leak of this kind is. Maps to SARIF `security-severity` and to `--fail-on`. */
export type Severity = 'high' | 'medium' | 'low';

export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

/** The commit a finding came from (range and history scans). */
export interface CommitInfo {
  sha: string;
  author: string;
  /** ISO 8601 author date. */
  date: string;
}

/**
 * One detected secret, ready to report. It deliberately has no field for the raw secret:
 * only the redacted `preview` and a `context` line in which every detected secret is redacted.
 */
export interface Finding {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  /** Repository-relative path with `/` separators (or the `--stdin-path` name). */
  path: string;
  /** 1-based line of the first character of the secret. */
  startLine: number;
  /** 1-based column (UTF-16 code units) of the first character of the secret. */
  startColumn: number;
  /** 1-based line of the last character of the secret. */
  endLine: number;
  /** 1-based column one past the last character of the secret (exclusive, as in SARIF). */
  endColumn: number;
  /** The commit the secret came from (range scans), or the commit that first introduced it (history). */
  commit?: CommitInfo;
  /**
   * Every place the same secret value appears in what was scanned, the finding's own included,
   * whether a rule matched there or not. History scans: one per line per blob path (first commit
   * that added that blob there), the finding's own path and commit the earliest. Other scans: set
   * only when the value sits in more than one place.
   */
  occurrences?: Occurrence[];
  /** History scans only: the blob the secret was found in (internal to grouping; not reported). */
  blob?: string;
  /** History scans only: whether a blob holding the secret is in HEAD's tree (undefined for an unborn HEAD). */
  isPresentAtHead?: boolean;
  /**
   * History scans only, when no blob holding the secret is at HEAD: the newest commit that replaced
   * or deleted one of those blobs, i.e. when the secret left the tree (absent when unknown).
   */
  removedIn?: CommitInfo;
  /**
   * Set when the secret was found in decoded text (a base64 value, a JSON string with escapes, a
   * %-encoded token); the location is then the encoded text, and `preview`/`secret` the decoded value.
   */
  decodedFrom?: 'base64' | 'json-string' | 'url';
  /**
   * Set when the secret was found in a printable run of a binary file or blob: its 0-based byte
   * offset there, which reports give as the location ("byte N"). Lines and columns then count line
   * feeds and bytes, as if the bytes were text.
   */
  byteOffset?: number;
  /** With `byteOffset`: how many bytes the secret takes (twice its length in UTF-16 text). */
  byteLength?: number;
  /**
   * Set when the secret is in the file's name, not its content (a token committed as a path): the
   * position is then in the path, and `path` (like every path in the report) shows the token redacted.
   */
  isInFileName?: true;
  /** `v1:` + 32 hex chars of SHA-256 over rule id, path and secret. Stable under line moves. */
  fingerprint: string;
  /** `v1:` + 32 hex chars of SHA-256 over rule id and secret: the same secret in another file shares it. */
  secretId: string;
  /** At most 4 leading characters of the secret, then `…` and its length, e.g. `sk_l…(32)`. */
  preview: string;
  /** The source line, trimmed to at most 240 characters, with every detected secret replaced by its preview. */
  context: string;
  /** Shannon entropy of the secret in bits per character. */
  entropy: number;
  /** Present only with `--show-secrets`: the raw value. Never set otherwise. */
  secret?: string;
  /** Present only with `--verify`, on findings of rules that have a verifier: what the provider said. */
  verification?: Verification;
}

/** What the provider answered about a credential: `live` (accepted), `revoked` (rejected) or `unknown`. */
export type VerificationStatus = 'live' | 'revoked' | 'unknown';

/** The answer of one verification request (`--verify`). Never holds the secret. */
export interface Verification {
  status: VerificationStatus;
  /** ISO 8601 time the provider answered (or the attempt ended). */
  checkedAt: string;
  /** What decided the status, e.g. `HTTP 401 from api.stripe.com`, or why it is unknown. */
  detail: string;
}

/** One place a secret appears in history. */
export interface Occurrence {
  path: string;
  /** 1-based line and column of the secret in that blob. */
  startLine: number;
  startColumn: number;
  /** In a binary file or blob: the 0-based byte offset of the secret (see Finding.byteOffset). */
  byteOffset?: number;
  /** The first commit that put this blob at this path; absent when no commit did (e.g. only a stash). */
  commit?: CommitInfo | undefined;
}

/**
 * A place a found secret's value sits, located by the value itself rather than by a rule (so also
 * where no rule matches): the second pass of a scan lists these among the finding's occurrences.
 */
export interface ValuePlace extends Occurrence {
  /** History scans: the blob holding the value (its paths and commits come from provenance). */
  blob?: string;
}

/** Why a file was not scanned. Skipped files are counted and listed, never dropped silently. */
export type SkipReason = 'binary' | 'too-large' | 'symlink' | 'not-a-file' | 'missing' | 'submodule';

export interface SkippedFile {
  path: string;
  reason: SkipReason;
  /** Size in bytes when known. */
  size?: number;
  /** The commit (range scans) or blob (history scans) the skipped content belongs to. */
  commit?: string;
  blob?: string;
}

/** A non-fatal problem met during a scan (an unreadable file). Any problem makes the scan partial. */
export interface ScanProblem {
  path: string;
  message: string;
}

/** How many matches each suppression mechanism removed. */
export interface SuppressedCounts {
  /** Matches on a line carrying `secretscan:allow`. */
  inline: number;
  /** Matches removed by a config allowlist entry (regex, stopword, or path limited to some rules). */
  allowlist: number;
  /** Files or hunks not scanned because an allowlist entry covers their whole path. */
  paths: number;
  /**
   * Findings whose fingerprint is recorded in the baseline file. Present only when a baseline was
   * applied (so `0` means "applied, nothing matched"); absent when there was none or `--no-baseline`.
   */
  baseline?: number;
  /** Findings whose fingerprint `.secretscanignore` lists. Present only when that file exists. */
  ignored?: number;
}

export interface ScanStats {
  /** Files or chunks read. */
  chunks: number;
  bytes: number;
  /** Wall time in milliseconds. Reporters that produce goldens leave it out. */
  durationMs: number;
}

/** How many findings of each severity a count covers. */
export type SeverityCounts = Record<Severity, number>;

/**
 * Findings past the scan's limit (`--max-findings`): counted by severity, not kept in detail, so
 * that a file with a million matches scans in bounded memory. They still fail the scan.
 */
export interface UnlistedFindings extends SeverityCounts {
  /** The limit that was reached: how many findings the scan kept in detail. */
  limit: number;
}

/** Everything a scan produced; the only input reporters get besides their context. */
export interface ScanResult {
  findings: Finding[];
  suppressed: SuppressedCounts;
  skipped: SkippedFile[];
  problems: ScanProblem[];
  stats: ScanStats;
  /** True when the scan did not finish (problems, timeout or interruption). */
  isPartial: boolean;
  /** Facts about the scan the reader should know, e.g. that a clone is shallow and what it covered. */
  notices?: string[];
  /**
   * Matches past `--max-findings`, counted before grouping, the baseline and the ignore file (which
   * need each finding in detail). Absent when the limit was not reached.
   */
  unlisted?: UnlistedFindings;
}
