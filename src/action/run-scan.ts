import { executeScan, type CompletedScan, type SourceRequest, type VerifyRequest } from '../pipeline/index.js';
import type { ScanArgs } from './scan-args.js';

/** What to scan and how. */
export interface ScanRequest {
  /** The workspace: the scan runs as if started there. */
  cwd: string;
  source: SourceRequest;
  config?: string;
  baseline?: string;
  /** Read the config, baseline and ignore file from this commit (a pull request's base), not the work tree. */
  settingsCommit?: string;
  /** Seconds after which the scan stops, reports what it has and fails the step. */
  timeoutSeconds?: number;
  /** Further settings from the `args` input. */
  args?: ScanArgs;
  /** Verification (the `verify` input, else the config's `verify`). */
  verify?: VerifyRequest;
}

/** The completed scan, or the error that stopped it (an invalid config, a git failure, a bug). */
export type ScanOutcome = { scan: CompletedScan; error?: undefined } | { scan?: undefined; error: unknown };

/**
 * Runs the scan pipeline once, in this process, as `secretscan scan` would in the workspace,
 * matching on worker threads when it pays (action/scan-worker.mjs is bundled beside the entry).
 */
export async function runScan(request: ScanRequest): Promise<ScanOutcome> {
  try {
    const scan = await executeScan({
      cwd: request.cwd,
      source: request.source,
      ...(request.config === undefined ? {} : { config: request.config }),
      ...(request.baseline === undefined ? {} : { baseline: request.baseline }),
      ...(request.settingsCommit === undefined ? {} : { settingsCommit: request.settingsCommit }),
      ...(request.timeoutSeconds === undefined ? {} : { timeoutSeconds: request.timeoutSeconds }),
      ...(request.args?.maxFileSize === undefined ? {} : { maxFileSize: request.args.maxFileSize }),
      ...(request.args?.threads === undefined ? {} : { threads: request.args.threads }),
      ...(request.args?.shouldAuditGitignore === undefined ? {} : { shouldAuditGitignore: request.args.shouldAuditGitignore }),
      ...(request.args?.shouldUseDefaultBaseline === undefined ? {} : { shouldUseDefaultBaseline: request.args.shouldUseDefaultBaseline }),
      ...(request.verify === undefined ? {} : { verify: request.verify }),
    });
    return { scan };
  } catch (error) {
    return { error };
  }
}
