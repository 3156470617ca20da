import type { Severity } from '../findings/index.js';

/** A commit as merged reports carry it. */
export interface MergedCommit {
  sha: string;
  /** ISO 8601 author date, as the report gave it. */
  date: string;
  author?: string;
}

/** One report given to `report merge`: the repository and commit it names, and what it held. */
export interface MergedRepository {
  /** `host/owner/name` or the `--repository` name the scan was given. */
  name: string;
  /** The commit the scan ran at; absent when the report names none. */
  commit?: string;
  /** Findings the report listed. */
  findings: number;
  /** Whether the scan behind the report did not finish: the merged report may miss secrets then. */
  isPartial: boolean;
  /** The secretscan version that wrote the report. */
  toolVersion: string;
}

/** One finding of one report, reduced to what merging keeps. It is spilled to disk as one JSON line. */
export interface Sighting {
  secretId: string;
  ruleId: string;
  ruleName: string;
  severity: Severity;
  /** The redacted preview (never the secret). */
  preview: string;
  /** Index of the report (its repository) in the order the reports were read. */
  repository: number;
  path: string;
  /** 1-based. */
  startLine: number;
  /** Places the report lists for the secret (history occurrences), at least 1. */
  occurrences: number;
  commit?: MergedCommit;
  isPresentAtHead?: boolean;
  removedIn?: MergedCommit;
}

/** Where one secret sits in one repository. */
export interface RepositorySighting {
  repository: string;
  /** The commit that repository's report was scanned at. */
  scannedCommit?: string;
  /** The earliest place (path and 1-based line) the report gives. */
  path: string;
  startLine: number;
  /** Places in that repository (paths and commits) holding the secret. */
  occurrences: number;
  /** The commit that first put the secret there (history reports). */
  firstCommit?: MergedCommit;
  isPresentAtHead?: boolean;
  /** When it left that repository's tree (history reports, only when no longer at HEAD). */
  removedIn?: MergedCommit;
}

/** One secret across every merged repository. */
export interface MergedFinding {
  secretId: string;
  ruleId: string;
  ruleName: string;
  /** The worst severity any report gave it. */
  severity: Severity;
  preview: string;
  /** Places over all repositories. */
  occurrences: number;
  /** Whether any repository still holds it at HEAD; absent when no report says. */
  isPresentAtHead?: boolean;
  /** Each repository holding it, earliest first commit first, then by name. */
  repositories: RepositorySighting[];
}

/** Counts over the whole merge, by severity, provider and repository. */
export interface MergeTotals {
  secrets: number;
  occurrences: number;
  bySeverity: Record<Severity, number>;
  /** Provider = the rule id's first part (`stripe` of `stripe.secret-key`); sorted by secrets, then id. */
  byProvider: { provider: string; secrets: number; repositories: number }[];
  /** Every merged repository, sorted by name, with the secrets found in it. */
  byRepository: { repository: string; commit?: string; secrets: number; occurrences: number; bySeverity: Record<Severity, number> }[];
}
