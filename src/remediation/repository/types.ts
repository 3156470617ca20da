import type { Finding, Severity, Verification } from '../../findings/index.js';
import type { Rule } from '../../rules/index.js';
import type { SecretFileKind } from '../file-kind.js';
import type { SecretLocation, SecretPlace } from '../secret-location.js';

/** One secret the plan covers: a representative (redacted) finding, where it lives, its rule, and its lines. */
export interface PlanSecret {
  finding: Finding;
  location: SecretLocation;
  /** Undefined when the rule is not loaded (an old baseline, the gitignore audit). */
  rule?: Rule;
  /** Findings of this secret in HEAD's files as committed, one per occurrence (the lines to fix). */
  head: readonly Finding[];
  /** Findings of this secret in the working tree or the index that HEAD does not hold (not committed yet). */
  uncommitted: readonly Finding[];
}

/** How the plan's commands are written. */
export interface PlanOptions {
  /** How the user runs secretscan here: `npx secretscan` in a Node project, else `secretscan`. */
  command: string;
  /** The `--replace-text` file, as the commands name it (outside the repository). */
  replacementsFile: string;
}

/** One secret in the rotation checklist. */
export interface RotateItem {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  preview: string;
  place: SecretPlace;
  /** Where it was first seen, `path:line`, and up to a few more places. */
  seenAt: string[];
  /** How many more places it was seen at than `seenAt` lists. */
  moreCount: number;
  /** What the provider said about it (`--verify`), when it was asked. */
  verification?: Verification;
}

/** The rotation checklist of one provider. */
export interface RotateGroup {
  providerId: string;
  providerName: string;
  /** The provider's rotation page. */
  url?: string;
  /** How to rotate at the provider (from the rule pack). */
  steps: string[];
  secrets: RotateItem[];
}

/** One line of code to change: the value at `path:line` is read from `envName` instead. */
export interface CodeEdit {
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  ruleName: string;
  preview: string;
  /** The variable or key the code assigns the value to, when the line names one. */
  variable?: string;
  envName: string;
  /** `head`: committed at HEAD; `working-tree`: only in the files or the index, not committed. */
  source: 'head' | 'working-tree';
}

/** A file that is secret as a whole (a `.env`, a key): it leaves git, and the catalogue's lines keep it out. */
export interface SecretFileNote {
  path: string;
  kind: Exclude<SecretFileKind, 'source'>;
  /** Tracked at HEAD (or staged): it has to be untracked. */
  isTracked: boolean;
  gitignore: string[];
}

/** A section of commands with the reasons and manual actions around them. */
export interface CommandSection {
  title: string;
  why: string;
  url?: string;
  actions: string[];
  /** Shell commands in order, as the user runs them (paths after `--`, every word quoted). */
  commands: string[];
}

/**
 * The remediation plan for a whole repository, in the order to follow it: rotate every secret at
 * its provider; fix the code at HEAD; purge history with one script; force-push and deal with the
 * copies others hold; verify. `purge` and `publish` are absent when nothing was committed (or pushed).
 */
export interface RepositoryPlan {
  secrets: PlanSecret[];
  rotate: { title: string; why: string; groups: RotateGroup[] };
  fix: CommandSection & { edits: CodeEdit[]; files: SecretFileNote[] };
  purge?: CommandSection & { wholeFiles: string[]; replacementsFile: string };
  publish?: CommandSection & { remotes: string[] };
  verify: CommandSection;
}
