import type { RulePack } from '../rules/index.js';
import type { AllowlistEntry } from '../suppress/index.js';

export type { AllowlistEntry } from '../suppress/index.js';

/** The project configuration (`.secretscan.yaml`), validated. */
export interface Config {
  /** Path of the file it came from, or undefined for the defaults. */
  file?: string;
  /** Files larger than this many bytes are skipped and counted. Default: 10 MiB. */
  maxFileSize?: number;
  /** Rule ids or provider ids that are turned off. */
  disabledRules: string[];
  /** Extra packs written inline in the config, in the rule-pack schema. */
  customPacks: RulePack[];
  allowlist: AllowlistEntry[];
  /**
   * `verify: true`: ask each found secret's provider whether it is still accepted (as `--verify`
   * does), also in the pre-commit hook. Default: false; `--no-verify` overrides it.
   */
  verify?: boolean;
}

/** The configuration used when no file exists. */
export const DEFAULT_CONFIG: Config = { disabledRules: [], customPacks: [], allowlist: [] };

/** Default for `--max-file-size`: 10 MiB. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
