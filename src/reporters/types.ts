import type { Finding, ScanResult } from '../findings/index.js';
import type { Rule } from '../rules/index.js';

/** The repository a scan ran on, for SARIF `versionControlProvenance`. */
export interface VersionControlInfo {
  /** Remote URL without credentials, e.g. `https://github.com/acme/api`. */
  repositoryUri: string;
  /** Commit sha the scan ran at. */
  revisionId?: string;
  /** Branch name, e.g. `main`. */
  branch?: string;
}

/** The repository a report is about (JSON and HTML reports name it, so reports of many repositories can be merged). */
export interface ScannedRepository {
  /** `host/owner/name` (from `origin`, credentials left out) or the `--repository` name. */
  name: string;
  /** The commit HEAD named when the scan ran; absent when HEAD is unborn. */
  commit?: string;
}

/** A scan of a commit being made: its staged changes, or its message file. */
export type CommitAdvice =
  | { kind: 'staged' }
  | {
      kind: 'commit-msg';
      /** The message file as the user named it. */
      messageFile: string;
    };

/** Everything a reporter may know besides the result. Reporters never read `process.*`. */
export interface ReportContext {
  toolName: string;
  version: string;
  /** Home page of the tool (SARIF `informationUri`). */
  informationUri: string;
  /** Every rule that was loaded for the scan (SARIF lists them; text and Markdown look up remediation). */
  rules: Rule[];
  /** Absolute path of the scanned root (repository top level or directory); reported paths are relative to it. */
  root: string;
  /** Whether colour escapes may be used (text reporter only). */
  useColor: boolean;
  /** Present when the root is a git repository with a remote. */
  vcs?: VersionControlInfo | undefined;
  /** How the user runs secretscan here (`npx secretscan`, `secretscan`, …), for commands in advice. Default: `secretscan`. */
  command?: string;
  /** The scanned repository and commit, when known (JSON and HTML reports name it). */
  repository?: ScannedRepository;
  /**
   * Markdown for one remediation plan that covers these findings (the GitHub Action sets it, for
   * the job summary). Without it, the Markdown report has a "How to fix" section per rule.
   */
  remediationPlan?: (findings: readonly Finding[]) => string;
  /** Set when the scan checked a commit being made: the text report then says how to get it through. */
  commitAdvice?: CommitAdvice;
}

/** A pure function from a result to the report's full text. */
export type Reporter = (result: ScanResult, ctx: ReportContext) => string;
