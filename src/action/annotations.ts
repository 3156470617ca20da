import type { Finding, Severity } from '../findings/index.js';
import { COMMIT_MESSAGE_PATH } from '../sources/index.js';
import type { AnnotationLevel, AnnotationPlace } from './toolkit.js';

/** One line annotation for a finding. */
export interface Annotation {
  level: AnnotationLevel;
  message: string;
  place: AnnotationPlace;
}

const LEVELS: Readonly<Record<Severity, AnnotationLevel>> = { high: 'error', medium: 'warning', low: 'notice' };

function placeOf(finding: Finding): AnnotationPlace {
  const place: AnnotationPlace = { title: `secretscan: ${finding.ruleName}` };
  // A commit message is no file in the tree, nor is a name shown redacted: the annotation goes on the run, not on a line.
  if (finding.path === COMMIT_MESSAGE_PATH && finding.commit !== undefined) return place;
  if (finding.isInFileName === true) return place;
  place.file = finding.path;
  place.startLine = finding.startLine;
  place.endLine = finding.endLine;
  // GitHub accepts columns only on a one-line annotation.
  if (finding.startLine === finding.endLine) {
    place.startColumn = finding.startColumn;
    place.endColumn = finding.endColumn;
  }
  return place;
}

function messageOf(finding: Finding): string {
  const parts = [`${finding.ruleName} (${finding.ruleId}, ${finding.severity}): ${finding.preview === '' ? finding.path : finding.preview}`];
  if (finding.isInFileName === true) parts.push(`in the file name ${finding.path}`);
  if (finding.path === COMMIT_MESSAGE_PATH && finding.commit !== undefined) parts.push(`in the message of commit ${finding.commit.sha.slice(0, 12)}`);
  else if (finding.commit !== undefined) parts.push(`added in commit ${finding.commit.sha.slice(0, 12)}`);
  if (finding.isPresentAtHead === false) parts.push('no longer in the current tree, but still in the history');
  return `${parts.join('; ')}. Rotate it first; the job summary says how.`;
}

/**
 * The annotation for a finding: high = error, medium = warning, low = notice, on the finding's
 * file and lines; a high finding that does not fail the step (below `fail-on`, or `fail-on: none`)
 * is a warning, since an error annotation on a passing step says the opposite of the verdict. The
 * message names the rule and the redacted preview, never the secret.
 */
export function annotationOf(finding: Finding, isFailing = true): Annotation {
  const level = LEVELS[finding.severity];
  return { level: level === 'error' && !isFailing ? 'warning' : level, message: messageOf(finding), place: placeOf(finding) };
}
