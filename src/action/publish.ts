import { writeFileSafely } from '../safe-fs/index.js';
import type { ScanResult } from '../findings/index.js';
import { toMarkdown, toSarif, type ReportContext } from '../reporters/index.js';
import { annotationOf } from './annotations.js';
import { failingFindings, type FailOn } from './fail-on.js';
import { ANNOTATIONS_PER_JOB, ANNOTATIONS_PER_LEVEL, bySeverity, fitSarif, fitSummary, selectAnnotations, type ReservedAnnotations } from './github-limits.js';
import { annotate, appendSummary, logInfo, setOutput, warn } from './toolkit.js';

/** Where the SARIF goes: the absolute path written, and the path as the workflow named it. */
export interface SarifTarget {
  path: string;
  shown: string;
  /** The workspace: no directory between it and the file may be a symlink. */
  root: string;
}

/** How the result is published: the step's verdict threshold and the annotations made besides these. */
export interface PublishOptions {
  failOn: FailOn;
  /** Annotations of each level the step makes besides the findings' (the failure message, notices). */
  reserved: ReservedAnnotations;
}

/**
 * Publishes a result within GitHub's limits (see github-limits.ts): the SARIF file (written
 * safely, for upload-sarif; at most 25,000 results and 10 MB gzipped), the Markdown report
 * appended to the job summary (under 1 MiB), annotations most severe first (10 of each level per
 * step, 50 in all), and the `findings` and `sarif-file` outputs. What does not fit is counted in
 * the summary and the log. Every one of them is redacted.
 */
export async function publishResult(result: ScanResult, ctx: ReportContext, sarif: SarifTarget, options: PublishOptions): Promise<void> {
  const total = result.findings.length;
  const fitted = fitSarif(result, (part) => toSarif(part, ctx));
  // The warning below is one more annotation of its level.
  const reserved = { ...options.reserved, warning: options.reserved.warning + (fitted.kept < total ? 1 : 0) };
  await writeFileSafely(sarif.path, fitted.sarif, { root: sarif.root, shouldCreateDirectories: true });
  logInfo(`secretscan: ${total} finding(s); SARIF written to ${sarif.shown}`);
  if (fitted.kept < total) warn(`secretscan: the SARIF holds the ${fitted.kept} most severe of ${total} findings (code scanning's limits); the job summary counts all of them`);
  const failing = new Set(failingFindings(result.findings, options.failOn));
  const annotations = selectAnnotations(
    bySeverity(result.findings).map((finding) => annotationOf(finding, failing.has(finding))),
    reserved,
  );
  const omitted =
    annotations.omitted === 0
      ? []
      : [
          `${annotations.omitted} of ${total} findings have no annotation: GitHub shows at most ${ANNOTATIONS_PER_LEVEL} annotations of each level per step and ${ANNOTATIONS_PER_JOB} per job, so the most severe were annotated. Every finding is listed here and in the SARIF file.`,
        ];
  const summarized = omitted.length === 0 ? result : { ...result, notices: [...(result.notices ?? []), ...omitted] };
  const fullReport = `the SARIF file ${sarif.shown}${fitted.kept < total ? ` (its ${fitted.kept} most severe)` : ''} and under Security > Code scanning once uploaded`;
  const summary = fitSummary(summarized, (part) => toMarkdown(part, ctx), fullReport);
  if (!(await appendSummary(summary.markdown))) logInfo('secretscan: no job summary file (GITHUB_STEP_SUMMARY is unset); skipping the summary');
  for (const { level, message, place } of annotations.chosen) annotate(level, message, place);
  if (annotations.omitted > 0) logInfo(`secretscan: ${annotations.omitted} finding(s) not annotated (GitHub's per-step limits); the job summary lists them`);
  setOutput('findings', total);
  setOutput('sarif-file', sarif.shown);
}
