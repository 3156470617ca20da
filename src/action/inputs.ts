import { UsageError } from '../errors.js';
import { parseFailOn, type FailOn } from './fail-on.js';
import { parseScanArgs, type ScanArgs } from './scan-args.js';
import { inputOf } from './toolkit.js';

/** The `scan` input: which source to scan instead of the one the event implies. */
export type ScanOverride = 'range' | 'history' | 'tree';

/** The action's inputs (action.yml), validated. Paths are relative to the workspace. */
export interface ActionInputs {
  /** `config`: a config file (default: the repository's `.secretscan.yaml`). */
  config?: string;
  /** `baseline`: passed as `scan --baseline`. */
  baseline?: string;
  /** `fail-on`. Default `low`. */
  failOn: FailOn;
  /** `verify`: true or false; undefined (unset) lets the config's `verify` decide. */
  verify?: boolean;
  /** `sarif-file`. Default `secretscan.sarif`. */
  sarifFile: string;
  /** `paths`: whitespace-separated; when given, a working-tree scan of these paths. */
  paths: string[];
  /** `scan`: `range`, `history` or `tree`. */
  scan?: ScanOverride;
  /** `timeout`: the scan's time budget in seconds (default DEFAULT_TIMEOUT_SECONDS); undefined for `none`. */
  timeoutSeconds: number | undefined;
  /** `working-directory`: where the repository is, relative to the workspace. */
  workingDirectory?: string;
  /** `args`: further scan flags (parsed without a shell). */
  scanArgs: ScanArgs;
}

/** The action's default time budget: a scan still running after 15 minutes stops, reports what it has and fails the step. */
export const DEFAULT_TIMEOUT_SECONDS = 900;

function parseTimeout(value: string): number | undefined {
  if (value === '') return DEFAULT_TIMEOUT_SECONDS;
  if (value.toLowerCase() === 'none') return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`timeout: "${value}" is not a positive number of seconds`, 'give seconds, e.g. 600, or none for no budget');
  return seconds;
}

function parseScan(value: string): ScanOverride | undefined {
  if (value === '') return undefined;
  if (value === 'range' || value === 'history' || value === 'tree') return value;
  throw new UsageError(`scan: "${value}" is not a scan kind`, 'use range, history or tree, or leave it unset to follow the event');
}

/** Validates raw input values (as `inputOf` returns them: trimmed, empty when unset). */
export function parseInputs(raw: (name: string) => string): ActionInputs {
  const paths = raw('paths')
    .split(/\s+/)
    .filter((path) => path !== '');
  const scan = parseScan(raw('scan'));
  if (paths.length > 0 && scan !== undefined && scan !== 'tree') {
    throw new UsageError(`paths is set, which scans the working tree, but scan is "${scan}"`, 'leave scan unset (or set it to tree) when you give paths');
  }
  const scanArgs = parseScanArgs(raw('args'));
  const timeout = parseTimeout(raw('timeout'));
  const inputs: ActionInputs = { failOn: parseFailOn(raw('fail-on')), sarifFile: raw('sarif-file') || 'secretscan.sarif', paths, scanArgs, timeoutSeconds: scanArgs.timeoutSeconds ?? timeout };
  const workingDirectory = raw('working-directory');
  if (workingDirectory !== '') inputs.workingDirectory = workingDirectory;
  if (scan !== undefined) inputs.scan = scan;
  const config = raw('config');
  if (config !== '') inputs.config = config;
  const verify = raw('verify').toLowerCase();
  if (verify === 'true') inputs.verify = true;
  else if (verify === 'false') inputs.verify = false;
  else if (verify !== '') throw new UsageError(`verify: "${raw('verify')}" is not true or false`, 'use true to ask each provider whether its secrets are still accepted, or leave it unset');
  const baseline = raw('baseline');
  if (baseline !== '') inputs.baseline = baseline;
  return inputs;
}

/** Reads the inputs from the runner. */
export function readInputs(): ActionInputs {
  return parseInputs(inputOf);
}
