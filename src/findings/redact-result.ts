import type { Finding, Occurrence, ScanResult } from './finding.js';

function redactOccurrence(occurrence: Occurrence, redactText: (text: string) => string): Occurrence {
  return { ...occurrence, path: redactText(occurrence.path) };
}

function redactFinding(finding: Finding, redactText: (text: string) => string): Finding {
  const redacted: Finding = { ...finding, path: redactText(finding.path), context: redactText(finding.context) };
  if (finding.occurrences !== undefined) redacted.occurrences = finding.occurrences.map((o) => redactOccurrence(o, redactText));
  return redacted;
}

/**
 * The result with `redactText` applied to every path and every text that can quote one (context
 * lines, problems, notices): the one place where secrets found in file names are hidden, so no
 * report, annotation or plan built from the result can print them. Fingerprints are kept: they
 * were computed from the real paths, so baselines and ignore files still match.
 */
export function redactResult(result: ScanResult, redactText: (text: string) => string): ScanResult {
  const redacted: ScanResult = {
    ...result,
    findings: result.findings.map((finding) => redactFinding(finding, redactText)),
    skipped: result.skipped.map((skipped) => ({ ...skipped, path: redactText(skipped.path) })),
    problems: result.problems.map((problem) => ({ path: redactText(problem.path), message: redactText(problem.message) })),
  };
  if (result.notices !== undefined) redacted.notices = result.notices.map(redactText);
  return redacted;
}
