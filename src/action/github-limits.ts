import { gzipSync } from 'node:zlib';
import { compareFindings, type Finding, type ScanResult, type Severity } from '../findings/index.js';
import type { AnnotationLevel } from './toolkit.js';

/**
 * GitHub's limits on what a step can show, and how the action stays within them: what does not
 * fit is left out most-severe-last and counted where the reader looks (the job summary, the
 * SARIF's notifications, the log), never dropped without a word.
 */

/** GitHub drops a job summary over 1 MiB; this leaves room for the lines appended after the report. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;
/** Annotations GitHub shows per step, of each level, and per job in all. */
export const ANNOTATIONS_PER_LEVEL = 10;
export const ANNOTATIONS_PER_JOB = 50;
/** What code scanning accepts in one SARIF upload: results per run, and the gzipped size. */
export const SARIF_MAX_RESULTS = 25_000;
export const SARIF_MAX_GZIP_BYTES = 10 * 1000 * 1000;

const RANK: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2 };

/** Most severe first; within a severity, in report order. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || compareFindings(a, b));
}

/** Annotations the step makes besides those for findings (the failure message, notices, warnings). */
export type ReservedAnnotations = Readonly<Record<AnnotationLevel, number>>;

/**
 * The annotations to make, most severe first, within GitHub's per-level and per-job limits after
 * `reserved`; `omitted` counts those left out, for the summary.
 */
export function selectAnnotations<T extends { level: AnnotationLevel }>(ordered: readonly T[], reserved: ReservedAnnotations): { chosen: T[]; omitted: number } {
  const used: Record<AnnotationLevel, number> = { ...reserved };
  let total = reserved.error + reserved.warning + reserved.notice;
  const chosen: T[] = [];
  for (const annotation of ordered) {
    if (used[annotation.level] >= ANNOTATIONS_PER_LEVEL || total >= ANNOTATIONS_PER_JOB) continue;
    used[annotation.level]++;
    total++;
    chosen.push(annotation);
  }
  return { chosen, omitted: ordered.length - chosen.length };
}

/** `result` keeping only the first `count` of `ordered` findings, with a notice saying so. */
function keeping(result: ScanResult, ordered: readonly Finding[], count: number, notice: (kept: number) => string): ScanResult {
  if (count >= ordered.length) return result;
  return { ...result, findings: ordered.slice(0, count), notices: [...(result.notices ?? []), notice(count)] };
}

/**
 * The largest `count` in [0, max] for which `fits(count)` holds, given that fitting is monotone
 * (fewer findings, smaller report). Renders about log2(max) times.
 */
function largestFitting(max: number, fits: (count: number) => boolean): number {
  if (fits(max)) return max;
  let low = 0;
  let high = max - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The parts of a result a summary lists, least important first: what gives way when it is too large. */
const TRIMMED_FIRST = [
  { key: 'skipped', noun: 'skipped files' },
  { key: 'problems', noun: 'problems' },
] as const;

/**
 * The job summary within SUMMARY_LIMIT_BYTES: the whole report when it fits; else the longest
 * lists give way first (skipped files, then problems), then findings, keeping the most severe,
 * each time with a notice at the top counting what is left out and saying where it is; and if
 * even that is too large (very long paths), the report cut at a line with a last line saying so.
 */
export function fitSummary(result: ScanResult, render: (result: ScanResult) => string, fullReport: string): { markdown: string; listed: number } {
  const fits = (part: ScanResult): boolean => Buffer.byteLength(render(part)) <= SUMMARY_LIMIT_BYTES;
  if (fits(result)) return { markdown: render(result), listed: result.findings.length };
  let current = result;
  for (const { key, noun } of TRIMMED_FIRST) {
    const all = result[key] as readonly unknown[];
    if (all.length === 0) continue;
    const trimmedTo = (count: number): ScanResult =>
      count >= all.length
        ? current
        : {
            ...current,
            [key]: all.slice(0, count),
            notices: [...(current.notices ?? []), `This summary lists ${count} of ${all.length} ${noun}: GitHub drops a job summary over 1 MiB. The JSON report (secretscan scan --format json) lists them all.`],
          };
    current = trimmedTo(largestFitting(all.length, (count) => fits(trimmedTo(count))));
    if (fits(current)) return { markdown: render(current), listed: result.findings.length };
  }
  const ordered = bySeverity(result.findings);
  const total = ordered.length;
  const notice = (kept: number): string => `This summary lists the ${kept} most severe of ${total} findings: GitHub drops a job summary over 1 MiB. The ${total - kept} others are in ${fullReport}.`;
  const listed = largestFitting(total, (count) => fits(keeping(current, ordered, count, notice)));
  const markdown = render(keeping(current, ordered, listed, notice));
  return { markdown: Buffer.byteLength(markdown) <= SUMMARY_LIMIT_BYTES ? markdown : cutAtLine(markdown, fullReport), listed };
}

/** The report cut at the last whole line that fits, with a closing line saying where the rest is. */
function cutAtLine(markdown: string, fullReport: string): string {
  const footer = `\n\n**The summary was cut here: GitHub drops a job summary over 1 MiB.** The full report is in ${fullReport}.\n`;
  const room = SUMMARY_LIMIT_BYTES - Buffer.byteLength(footer);
  let cut = Buffer.from(markdown).subarray(0, room).toString('utf8');
  // A split multi-byte character decodes as U+FFFD at the end; a whole line never ends in one.
  cut = cut.slice(0, Math.max(cut.lastIndexOf('\n'), 0));
  return `${cut}${footer}`;
}

/**
 * The SARIF within what code scanning accepts: at most SARIF_MAX_RESULTS results and
 * SARIF_MAX_GZIP_BYTES gzipped, keeping the most severe, with a notification in the log (and
 * `truncated` for the caller to say so) when some were left out.
 */
export function fitSarif(result: ScanResult, render: (result: ScanResult) => string): { sarif: string; kept: number } {
  const total = result.findings.length;
  const isSmall = (text: string): boolean => gzipSync(text).length <= SARIF_MAX_GZIP_BYTES;
  if (total <= SARIF_MAX_RESULTS) {
    const whole = render(result);
    if (isSmall(whole)) return { sarif: whole, kept: total };
  }
  const ordered = bySeverity(result.findings);
  const notice = (kept: number): string =>
    `This SARIF holds the ${kept} most severe of ${total} findings: code scanning accepts at most ${SARIF_MAX_RESULTS} results per run and ${SARIF_MAX_GZIP_BYTES / 1e6} MB gzipped. The job summary counts all of them; scan locally with --format json for the full list`;
  const kept = largestFitting(Math.min(total, SARIF_MAX_RESULTS), (count) => isSmall(render(keeping(result, ordered, count, notice))));
  return { sarif: render(keeping(result, ordered, kept, notice)), kept };
}
