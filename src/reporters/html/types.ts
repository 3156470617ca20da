import type { Severity } from '../../findings/index.js';
import type { Rule } from '../../rules/index.js';

/** A commit as the HTML report shows it. */
export interface AuditCommit {
  sha: string;
  /** ISO 8601. */
  date: string;
}

/** Where one secret sits in one repository. */
export interface AuditPlace {
  repository: string;
  path: string;
  /** 1-based. */
  startLine: number;
  occurrences: number;
  firstCommit?: AuditCommit;
  isPresentAtHead?: boolean;
  removedIn?: AuditCommit;
}

/** One secret, in every repository that holds it. */
export interface AuditSecret {
  secretId: string;
  ruleId: string;
  ruleName: string;
  severity: Severity;
  /** Redacted. */
  preview: string;
  occurrences: number;
  isPresentAtHead?: boolean;
  repositories: AuditPlace[];
}

/** Counts per repository, provider and severity. */
export interface AuditTotals {
  secrets: number;
  occurrences: number;
  bySeverity: Record<Severity, number>;
  byProvider: { provider: string; secrets: number; repositories: number }[];
  byRepository: { repository: string; commit?: string; secrets: number; occurrences: number; bySeverity: Record<Severity, number> }[];
}

/** Everything the HTML report shows: one repository's scan, or a merge of many. */
export interface AuditView {
  title: string;
  tool: { name: string; version: string };
  repositories: { name: string; commit?: string; isPartial: boolean }[];
  /** The secrets listed, worst first. */
  secrets: AuditSecret[];
  /** Secrets counted in the totals but not listed. */
  unlisted: number;
  totals: AuditTotals;
  /** Loaded rules, for each finding's remediation (a rule not loaded gets the generic plan). */
  rules: readonly Rule[];
  /** Facts the reader should know (a shallow clone, a partial scan). */
  notices: string[];
}
