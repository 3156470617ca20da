import { writeFileSafely } from '../safe-fs/index.js';
import { compareFindings, type ScanResult } from '../findings/index.js';
import { toMarkdown, toSarif, type ReportContext } from '../reporters/index.js';
import { annotationOf } from './annotations.js';
import { annotate, appendSummary, logInfo, setOutput } from './toolkit.js';

/** Where the SARIF goes: the absolute path written, and the path as the workflow named it. */
export interface SarifTarget {
  path: string;
  shown: string;
  /** The workspace: no directory between it and the file may be a symlink. */
  root: string;
}

/**
 * Publishes a result: the SARIF file (written atomically, for upload-sarif), the Markdown report
 * appended to the job summary, one annotation per finding, and the `findings` and `sarif-file`
 * outputs. Every one of them is redacted.
 */
export async function publishResult(result: ScanResult, ctx: ReportContext, sarif: SarifTarget): Promise<void> {
  await writeFileSafely(sarif.path, toSarif(result, ctx), { root: sarif.root, shouldCreateDirectories: true });
  logInfo(`secretscan: ${result.findings.length} finding(s); SARIF written to ${sarif.shown}`);
  if (!(await appendSummary(toMarkdown(result, ctx)))) logInfo('secretscan: no job summary file (GITHUB_STEP_SUMMARY is unset); skipping the summary');
  for (const finding of [...result.findings].sort(compareFindings)) {
    const { level, message, place } = annotationOf(finding);
    annotate(level, message, place);
  }
  setOutput('findings', result.findings.length);
  setOutput('sarif-file', sarif.shown);
}
