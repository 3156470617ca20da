/** Stable error codes; each maps to one exit code and appears in messages and JSON. */
export type ErrorCode = 'E_USAGE' | 'E_CONFIG_INVALID' | 'E_RULE_INVALID' | 'E_NOT_A_REPO' | 'E_GIT' | 'E_GIT_MISSING' | 'E_IO' | 'E_PARTIAL';

/**
 * A problem the user can fix. The CLI prints `message` (and `hint`) and exits with `exitCode`;
 * nothing else catches it. Messages never contain a raw secret.
 */
export class ScanError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown; exitCode?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = options.exitCode ?? 2;
    this.hint = options.hint;
  }
}

/** A bad flag or argument combination. */
export class UsageError extends ScanError {
  constructor(message: string, hint?: string) {
    super('E_USAGE', message, hint === undefined ? {} : { hint });
  }
}

/** One or more problems in `.secretscan.yaml`; `problems` holds every line, each prefixed with its location. */
export class ConfigError extends ScanError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('E_CONFIG_INVALID', `invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** One or more problems in rule packs; each line is `file: rule-id: what`. */
export class RulePackError extends ScanError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('E_RULE_INVALID', `invalid rule pack:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** git failed, is missing, or the directory is not a repository. */
export class GitError extends ScanError {
  constructor(code: 'E_GIT' | 'E_NOT_A_REPO' | 'E_GIT_MISSING', message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(code, message, options);
  }
}
