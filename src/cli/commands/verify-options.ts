import { UsageError } from '../../errors.js';
import type { Finding, ScanResult, Severity } from '../../findings/index.js';
import type { VerifyRequest } from '../../pipeline/index.js';
import { createVerifier, httpsTransport, parseNetworkEnv, type Verifier } from '../../verify/index.js';
import type { OptionSpec } from '../args.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';

/** `--fail-on`: the lowest severity that makes the exit code 1, or `live` for verified live secrets only. */
export type FailOn = Severity | 'live';

/** The verification flags of `scan` and `remediate`. */
export interface VerifyFlags {
  /** true: `--verify`; false: `--no-verify`; undefined: the config decides. */
  verify?: boolean;
}

/** `--verify` and `--no-verify`: the same in every command that has them. */
export const VERIFY_OPTIONS: readonly OptionSpec[] = [
  { name: 'verify', type: 'boolean', default: false, description: 'ask each secret\'s provider whether it is still accepted (sends the secret to that provider only; see README "Live verification")' },
  { name: 'no-verify', type: 'boolean', default: false, description: 'do not verify, even when the config says `verify: true`' },
];

/** `--fail-on` for `scan`. */
export const FAIL_ON_OPTION: OptionSpec = {
  name: 'fail-on',
  type: 'string',
  valueName: 'LEVEL',
  choices: ['low', 'medium', 'high', 'live'],
  default: 'low',
  description: 'exit 1 only for findings at or above this severity, or (live) only for secrets the provider still accepts (needs --verify)',
};

/** Reads `--verify` / `--no-verify`. */
export function verifyFlagsOf(values: Record<string, string | boolean | undefined>): VerifyFlags {
  if (values.verify === true && values['no-verify'] === true) throw new UsageError('choose one of --verify, --no-verify');
  if (values.verify === true) return { verify: true };
  if (values['no-verify'] === true) return { verify: false };
  return {};
}

/**
 * The pipeline's verification request: the network settings come from the environment
 * (`HTTPS_PROXY`, `NO_PROXY`, `SECRETSCAN_VERIFY_REDIRECT`), read only when verification runs.
 */
export function verifyRequestOf(flags: VerifyFlags, io: Io, log: (line: string) => void): VerifyRequest {
  let verifier: Verifier | undefined;
  return {
    ...(flags.verify === undefined ? {} : { isOn: flags.verify }),
    verifier: () => {
      verifier ??= createVerifier({ transport: httpsTransport(parseNetworkEnv(io.env)), log });
      return verifier;
    },
  };
}

const RANK: Readonly<Record<Severity, number>> = { low: 1, medium: 2, high: 3 };

/** The findings that make the exit code 1 under `--fail-on`. */
export function failingFindings(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'live') return findings.filter((finding) => finding.verification?.status === 'live');
  return findings.filter((finding) => RANK[finding.severity] >= RANK[failOn]);
}

/**
 * The exit code under `--fail-on`: partial beats failing findings beats clean. Findings counted
 * past `--max-findings` count by severity (they are never verified, so never for `live`).
 */
export function exitCodeUnder(result: ScanResult, failOn: FailOn): number {
  if (result.isPartial) return EXIT.userError;
  const { unlisted } = result;
  const unlistedFailing = unlisted === undefined || failOn === 'live' ? 0 : (['high', 'medium', 'low'] as const).filter((severity) => RANK[severity] >= RANK[failOn]).reduce((sum, severity) => sum + unlisted[severity], 0);
  return failingFindings(result.findings, failOn).length + unlistedFailing > 0 ? EXIT.findings : EXIT.clean;
}
