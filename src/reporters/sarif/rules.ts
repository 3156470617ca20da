import type { ReportingDescriptor } from 'sarif';
import { fallbackRemediation, formatPlanMarkdown, formatPlanText, remediationFor } from '../../remediation/index.js';
import type { Rule } from '../../rules/index.js';
import type { FiredRule } from '../shared/fired-rules.js';
import { SARIF_LEVEL, SECURITY_SEVERITY } from './severity.js';

/** `stripe.secret-key` -> `StripeSecretKey`: the PascalCase `name` SARIF viewers show next to the id. */
export function pascalCaseOf(ruleId: string): string {
  return ruleId
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => `${part.charAt(0).toUpperCase()}${part.slice(1)}`)
    .join('');
}

/**
 * How often a match is a real secret. Offline validators (checksums, structure) make a match
 * near-certain; a provider-specific format is usually right; a generic pattern is often noise.
 */
function precisionOf(rule: Rule | undefined): string {
  if (rule === undefined || rule.provider.id === 'generic') return 'medium';
  return (rule.spec.validators?.length ?? 0) > 0 ? 'very-high' : 'high';
}

function withPeriod(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function tagsOf(rule: Rule | undefined): string[] {
  return [...new Set(['security', 'secret', ...(rule?.spec.tags ?? [])])].sort();
}

/**
 * A `reportingDescriptor` for a rule that fired, with its remediation as help text and Markdown.
 * `helpUri` is the provider's rotation page; `fallbackHelpUri` (the tool's home) when the rule is not loaded.
 */
export function ruleDescriptorOf(fired: FiredRule, fallbackHelpUri: string): ReportingDescriptor {
  const { rule } = fired;
  const plan = rule === undefined ? fallbackRemediation(fired.id, fired.name) : remediationFor(rule);
  const description = withPeriod(rule?.spec.description ?? `Possible ${fired.name}`);
  return {
    id: fired.id,
    name: pascalCaseOf(fired.id),
    shortDescription: { text: withPeriod(fired.name) },
    fullDescription: { text: description },
    defaultConfiguration: { level: SARIF_LEVEL[fired.severity] },
    helpUri: rule?.provider.remediation.rotateUrl ?? fallbackHelpUri,
    help: { text: `${description}\n\n${formatPlanText(plan)}`, markdown: `${description}\n\n${formatPlanMarkdown(plan)}` },
    properties: {
      tags: tagsOf(rule),
      precision: precisionOf(rule),
      'security-severity': SECURITY_SEVERITY[fired.severity],
    },
  };
}
