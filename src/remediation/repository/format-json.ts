import { printableJson } from '../../terminal-text/index.js';
import type { RepositoryPlan } from './types.js';

/**
 * The repository's plan as JSON for scripts: what each secret is (redacted) and where it lives,
 * then the steps in order with their checklists, edits, actions and commands. No raw secret is in
 * it; control and bidi characters are escaped (terminal-text), so it is safe to print.
 */
export function formatRepositoryPlanJson(plan: RepositoryPlan): string {
  const secrets = plan.secrets.map(({ finding, location }) => ({
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
    // Present only with --verify: what the provider said about the secret.
    ...(finding.verification === undefined ? {} : { verification: finding.verification }),
  }));
  const { rotate, fix, purge, publish, verify } = plan;
  const steps = [
    { kind: 'rotate', title: rotate.title, why: rotate.why, providers: rotate.groups },
    { kind: 'fix', ...fix },
    ...(purge === undefined ? [] : [{ kind: 'purge', ...purge }]),
    ...(publish === undefined ? [] : [{ kind: 'publish', ...publish }]),
    { kind: 'verify', ...verify },
  ];
  return printableJson({ version: 2, secrets, steps });
}
