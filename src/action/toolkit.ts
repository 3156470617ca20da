import { randomBytes } from 'node:crypto';
import { error, getInput, info, notice, setFailed, setOutput as setStepOutput, summary, warning } from '@actions/core';

// The one module that imports @actions/core: everything the action says to the runner (inputs,
// outputs, log lines, annotations, the job summary, the step's result) goes through here.

/** An annotation level: GitHub shows errors, warnings and notices differently. */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** Where an annotation points; columns only when it starts and ends on one line (GitHub's rule). */
export interface AnnotationPlace {
  title: string;
  file?: string;
  /** 1-based. */
  startLine?: number;
  endLine?: number;
  /** 1-based; the end column is exclusive, as in findings. */
  startColumn?: number;
  endColumn?: number;
}

/** An input's value, trimmed; empty when not set (GitHub passes unset inputs as empty strings). */
export function inputOf(name: string): string {
  return getInput(name, { trimWhitespace: true });
}

/** Sets a step output. */
export function setOutput(name: string, value: string | number): void {
  setStepOutput(name, String(value));
}

/** A line in the step's log. The caller makes sure it cannot start a workflow command (see logUntrusted). */
export function logInfo(line: string): void {
  info(line);
}

/** A warning on the run's page and in the log, without a file location. */
export function warn(message: string): void {
  warning(message);
}

/**
 * Echoes text that may contain repository-controlled strings (file names in the scanner's
 * messages) with workflow commands turned off, so a crafted path cannot become a `::command::`.
 */
export function logUntrusted(text: string): void {
  if (text.trim() === '') return;
  const token = randomBytes(16).toString('hex');
  process.stdout.write(`::stop-commands::${token}\n${text.endsWith('\n') ? text : `${text}\n`}::${token}::\n`);
}

/** One annotation; @actions/core escapes the message and properties. */
export function annotate(level: AnnotationLevel, message: string, place: AnnotationPlace): void {
  const write = level === 'error' ? error : level === 'warning' ? warning : notice;
  write(message, place);
}

/** Appends Markdown to the job summary; returns false when the runner gave no summary file. */
export async function appendSummary(markdown: string): Promise<boolean> {
  if ((process.env.GITHUB_STEP_SUMMARY ?? '') === '') return false;
  await summary.addRaw(markdown, true).write();
  return true;
}

/** Marks the step failed (exit code 1) with a message. */
export function fail(message: string): void {
  setFailed(message);
}
