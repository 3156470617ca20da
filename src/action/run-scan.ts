import { executeScan, type CompletedScan, type SourceRequest } from '../pipeline/index.js';

/** What to scan and how. */
export interface ScanRequest {
  /** The workspace: the scan runs as if started there. */
  cwd: string;
  source: SourceRequest;
  config?: string;
  baseline?: string;
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
    });
    return { scan };
  } catch (error) {
    return { error };
  }
}
