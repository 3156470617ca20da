import type { Severity } from '../findings/index.js';

/** One catalogue entry exactly as written in rules/sensitive-files.yaml. */
export interface SensitiveFileSpec {
  /** `file.<kind>`, e.g. `file.dotenv`; used as the findings' rule id. */
  id: string;
  name: string;
  description: string;
  severity: Severity;
  /** gitignore-syntax patterns over repository-relative paths (any depth without an inner `/`). */
  paths: string[];
  /** Patterns that are fine even though `paths` matches them (e.g. `.env.example`, `*.pub`). */
  exceptions: string[];
  /** A JS regex: when set, a file counts only if its content matches. */
  contentPattern?: string;
  /** The lines `secretscan gitignore --fix` appends to `.gitignore`. */
  gitignore: string[];
  /**
   * Where its values belong instead, for remediation advice: `env` (set in the environment),
   * `key` (mounted as a secret file) or `credentials` (kept on the machines that need it). Default: credentials.
   */
  placement?: 'env' | 'key' | 'credentials';
  /** One sentence: why the file must not be committed. */
  why: string;
  /** Where its values belong instead. */
  belongsIn: string;
  /** Paths that must match; `negativeExamples` must not. */
  examples: string[];
  negativeExamples: string[];
  /** Contents `contentPattern` must match; `negativeContentExamples` must not. */
  contentExamples: string[];
  negativeContentExamples: string[];
}

/** A catalogue entry with its patterns compiled. */
export interface SensitiveFileKind {
  spec: SensitiveFileSpec;
  /** 1-based line of the entry in the catalogue file, for problems. */
  line: number;
  /** True when the path matches `paths` and no `exceptions`. */
  matchesPath: (path: string) => boolean;
  /** Undefined when any content counts; otherwise true when the content holds a secret. */
  matchesContent?: (content: string) => boolean;
}

/** The loaded catalogue. */
export interface Catalogue {
  /** The file it was read from, as shown in problems. */
  file: string;
  kinds: SensitiveFileKind[];
  /** Where the built-in catalogue came from, for `--debug`: the compiled file and its stamp, or the YAML and why. */
  origin?: string;
}

/** Which checks an audit runs (see DESIGN.md §8). */
export type AuditCheck = 'tracked' | 'untracked' | 'staged' | 'history' | 'range';

/** The `.gitignore` lines one catalogue entry still needs. */
export interface MissingLines {
  id: string;
  name: string;
  /** The sensitive paths that are neither ignored nor excepted. */
  paths: string[];
  lines: string[];
}
