import { EXIT } from '../cli/exit-codes.js';
import { failingFindings, type FailOn } from './fail-on.js';
import type { ScanOutcome } from './run-scan.js';

/** The scanner's own messages, as one line each, for a failure message. */
function messagesOf(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.length === 0 ? '(no message)' : lines.join(' ');
}

/**
 * Why the step fails, or undefined when it passes: the scan could not complete (exit 2, e.g. a
 * bad config or a partial scan) or crashed (exit 3), or a finding is at or above `fail-on`.
 */
export function failureOf(outcome: ScanOutcome, failOn: FailOn): string | undefined {
  if (outcome.exitCode === EXIT.internalError) return `secretscan crashed (exit 3), which is a bug: ${messagesOf(outcome.stderr)}`;
  if (outcome.exitCode === EXIT.userError || outcome.result === undefined) {
    return `secretscan could not complete the scan (exit ${outcome.exitCode}): ${messagesOf(outcome.stderr)}`;
  }
  const failing = failingFindings(outcome.result.findings, failOn);
  if (failing.length === 0) return undefined;
  const total = outcome.result.findings.length;
  return `secretscan found ${total} secret(s); ${failing.length} at or above fail-on: ${failOn}. See the annotations and the job summary, and rotate each secret first.`;
}
