export type { CodeEdit, CommandSection, PlanOptions, PlanSecret, RepositoryPlan, RotateGroup, RotateItem, SecretFileNote } from './types.js';
export { buildRepositoryPlan, DEFAULT_REPLACEMENTS_FILE } from './build-plan.js';
export { formatRepositoryPlanJson } from './format-json.js';
export { formatRepositoryPlanMarkdown } from './format-markdown.js';
export { formatRepositoryPlanText } from './format-text.js';
export { planSecretsOf, remotesOf } from './plan-secrets.js';
export { type FindingsPlanContext, planSecretsFromFindings } from './from-findings.js';
export { planCommandFor } from './plan-command.js';
