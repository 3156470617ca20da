import { ScanError } from '../errors.js';
import { printableLines } from '../terminal-text/index.js';
import { failingFindings, unlistedFailing, type FailOn } from './fail-on.js';
import type { ScanOutcome } from './run-scan.js';

/** Exit codes as the CLI would report them: a user-fixable problem, and a bug. */
const USER_ERROR = 2;
const INTERNAL_ERROR = 3;

/**
 * The scanner's messages for a failed or partial scan, as the CLI prints them on stderr: one
 * `secretscan: …` line (and a `hint: …` line) each, made safe for a terminal.
 */
export function scanMessagesOf(outcome: ScanOutcome): string[] {
  const { error, scan } = outcome;
  const safe = printableLines;
  if (error instanceof ScanError) return [`secretscan: ${safe(error.message)}`, ...(error.hint === undefined ? [] : [`hint: ${safe(error.hint)}`])];
  if (scan === undefined) return [`secretscan: internal error: ${safe(error instanceof Error ? error.message : String(error))}`];
  if (scan.result.isPartial) return [`secretscan: the scan is partial: ${scan.result.problems.length} problem(s), see the report`];
  return [];
}

/** The exit code the CLI would return for the outcome: 3 a bug, 2 a failed or partial scan, 1 findings, 0 clean. */
function exitCodeOf(outcome: ScanOutcome): number {
  if (outcome.error instanceof ScanError) return outcome.error.exitCode;
  if (outcome.scan === undefined) return INTERNAL_ERROR;
  if (outcome.scan.result.isPartial) return USER_ERROR;
  return outcome.scan.result.findings.length > 0 || outcome.scan.result.unlisted !== undefined ? 1 : 0;
}

/** The scanner's own messages, as one line, for a failure message. */
function messagesOf(outcome: ScanOutcome): string {
  const lines = scanMessagesOf(outcome)
    .flatMap((text) => text.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.length === 0 ? '(no message)' : lines.join(' ');
}

/**
 * Why the step fails, or undefined when it passes: the scan could not complete (exit 2, e.g. a
 * bad config or a partial scan) or crashed (exit 3), or a finding is at or above `fail-on`.
 */
export function failureOf(outcome: ScanOutcome, failOn: FailOn): string | undefined {
  const exitCode = exitCodeOf(outcome);
  if (exitCode === INTERNAL_ERROR) return `secretscan crashed (exit 3), which is a bug: ${messagesOf(outcome)}`;
  if (exitCode === USER_ERROR || outcome.scan === undefined) {
    return `secretscan could not complete the scan (exit ${exitCode}): ${messagesOf(outcome)}`;
  }
  if (failOn === 'live' && !outcome.scan.isVerified) return 'fail-on: live needs verification: set the `verify: true` input (or `verify: true` in the config)';
  const { findings, unlisted } = outcome.scan.result;
  // Findings past --max-findings are counted by severity only; they fail the step like listed ones.
  const failing = failingFindings(findings, failOn).length + unlistedFailing(unlisted, failOn);
  if (failing === 0) return undefined;
  const total = findings.length + (unlisted === undefined ? 0 : unlisted.high + unlisted.medium + unlisted.low);
  return `secretscan found ${total} secret(s); ${failing} at or above fail-on: ${failOn}. See the annotations and the job summary, and rotate each secret first.`;
}
