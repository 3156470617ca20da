import type { AllowlistEntry } from '../suppress/index.js';
import type { InputScan, ScanInput } from '../engine/index.js';
import type { RulePack } from '../rules/index.js';

/** What each worker is started with: plain data, compiled again on its side. */
export interface WorkerSetup {
  packs: RulePack[];
  allowlist: AllowlistEntry[];
  /** History scans apply whole-path allowlists after grouping, not per blob. */
  shouldSkipPathSuppression: boolean;
  shouldRevealSecrets: boolean;
  /** Return each finding's raw value beside it, for the scan's second pass (see MatcherOptions). Default: false. */
  shouldKeepValues?: boolean;
  /** Findings of one input built in detail; the rest are counted (see MatcherOptions.maxFindings). Default: no limit. */
  maxFindings?: number;
}

/** A batch of inputs to scan. */
export interface WorkerRequest {
  id: number;
  inputs: ScanInput[];
}

/** Their results, in the same order. */
export interface WorkerReply {
  id: number;
  scans: InputScan[];
}
