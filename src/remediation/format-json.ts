import type { LocatedPlan } from './format-located.js';

/**
 * The plans as JSON for scripts: per secret, the redacted finding's identity, where it lives and
 * the steps (each with its actions and shell commands). Nothing in it is a raw secret.
 */
export function formatLocatedJson(plans: readonly LocatedPlan[]): string {
  const secrets = plans.map(({ finding, location, plan }) => ({
    ruleId: finding.ruleId,
    ruleName: finding.ruleName,
    severity: finding.severity,
    preview: finding.preview,
    secretId: finding.secretId,
    path: finding.path,
    startLine: finding.startLine,
    location: {
      place: location.place,
      isAtHead: location.isAtHead,
      isInWorkingTree: location.isInWorkingTree,
      isStaged: location.isStaged,
      paths: location.paths,
      commits: location.commits,
      remoteRefs: location.remoteRefs,
    },
    provider: plan.providerName,
    // Present only with --verify: what the provider said about the secret.
    ...(finding.verification === undefined ? {} : { verification: finding.verification }),
    steps: plan.steps.map((step) => ({ kind: step.kind, title: step.title, why: step.why, ...(step.url === undefined ? {} : { url: step.url }), actions: step.actions, commands: step.commands })),
  }));
  return `${JSON.stringify({ version: 1, secrets }, null, 2)}\n`;
}
