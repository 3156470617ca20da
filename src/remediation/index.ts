import type { Rule } from '../rules/index.js';
import { formatPlanMarkdown } from './format-markdown.js';
import { formatPlanText } from './format-text.js';
import { remediationFor } from './plan.js';

export type { RemediationPlan, RemediationStep, RemediationStepKind } from './types.js';
export { fallbackRemediation, remediationFor } from './plan.js';
export { formatPlanMarkdown } from './format-markdown.js';
export { formatPlanText } from './format-text.js';

/** The rule's remediation plan as plain text (`formatPlanText(remediationFor(rule))`). */
export function remediationText(rule: Rule): string {
  return formatPlanText(remediationFor(rule));
}

/** The rule's remediation plan as Markdown (`formatPlanMarkdown(remediationFor(rule))`), e.g. for SARIF `help.markdown`. */
export function remediationMarkdown(rule: Rule): string {
  return formatPlanMarkdown(remediationFor(rule));
}

export type { SecretEvidence, SecretLocation, SecretPlace } from './secret-location.js';
export { locateSecret } from './secret-location.js';
export type { SecretFile, SecretFileKind } from './file-kind.js';
export { gitignoreLinesFor, isWholeSecretFile, secretFileKind, secretFileOf } from './file-kind.js';
export { keyNamesOf, replacementLines, type ReplacementSecret, type Replacements } from './replacements.js';
export type { RemediationMode, RemediationRequest, RemediationScans } from './gather-scans.js';
export { findingsOfSecret, gatherScans } from './gather-scans.js';
export type { CodeEdit, CommandSection, PlanOptions, PlanSecret, RepositoryPlan, RotateGroup, RotateItem, SecretFileNote } from './repository/index.js';
export {
  buildRepositoryPlan,
  DEFAULT_REPLACEMENTS_FILE,
  formatRepositoryPlanJson,
  formatRepositoryPlanMarkdown,
  formatRepositoryPlanText,
  planCommandFor,
  planSecretsFromFindings,
  planSecretsOf,
  remotesOf,
  type FindingsPlanContext,
} from './repository/index.js';
