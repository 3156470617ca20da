/**
 * Exit codes. When several apply, the highest wins: a partial scan with findings exits 2,
 * because its "clean" parts cannot be trusted.
 */
export const EXIT = {
  /** The scan completed and found nothing unsuppressed. */
  clean: 0,
  /** Findings were reported (also when the report went to `--output`). */
  findings: 1,
  /** A user-fixable problem: bad flag, invalid config or rule pack, not a repository, partial scan. */
  userError: 2,
  /** A bug in secretscan: please report it. */
  internalError: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
