import type { Finding } from '../../findings/index.js';
import { runGit, type Repository } from '../../sources/index.js';
import type { RemediationScans } from '../gather-scans.js';
import { locateSecret } from '../secret-location.js';
import type { PlanSecret } from './types.js';

/** The repository's remotes, sorted (none outside git or when git fails). */
export async function remotesOf(repo: Repository | undefined): Promise<string[]> {
  if (repo === undefined) return [];
  const run = await runGit(repo.root, ['remote']);
  return run.code === 0
    ? run.stdout
        .split('\n')
        .filter((name) => name !== '')
        .sort()
    : [];
}

/**
 * One PlanSecret per secret among the scans' targets: located with git, with its rule, its lines
 * in HEAD's files, and the working-tree or staged findings in files where HEAD does not hold it.
 */
export async function planSecretsOf(scans: RemediationScans, repo: Repository | undefined): Promise<PlanSecret[]> {
  const representative = new Map<string, Finding>();
  for (const finding of scans.targets) if (!representative.has(finding.secretId)) representative.set(finding.secretId, finding);
  const rules = new Map(scans.rules.map((rule) => [rule.spec.id, rule]));
  const secrets: PlanSecret[] = [];
  for (const [secretId, finding] of representative) {
    const evidence = scans.evidence.get(secretId) ?? { other: [finding] };
    const location = await locateSecret(repo?.root, evidence);
    const head = evidence.head ?? [];
    const headPaths = new Set(head.map((found) => found.path));
    const uncommitted = [...(evidence.workingTree ?? []), ...(evidence.staged ?? [])].filter((found) => !headPaths.has(found.path));
    const rule = rules.get(finding.ruleId);
    secrets.push({ finding, location, ...(rule === undefined ? {} : { rule }), head, uncommitted });
  }
  return secrets;
}
