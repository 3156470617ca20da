import type { Finding } from '../findings/index.js';
import type { CompletedScan } from '../pipeline/index.js';
import { buildRepositoryPlan, DEFAULT_REPLACEMENTS_FILE, formatRepositoryPlanMarkdown, planCommandFor, planSecretsFromFindings, secretFileOf } from '../remediation/index.js';
import { loadCatalogue } from '../sensitive-files/index.js';

const NOTE = 'Run steps 2 to 5 in an up-to-date local clone of this repository, in order.';

/**
 * The job summary's remediation plan: one for the repository, covering the findings the summary
 * lists (the same plan `secretscan remediate` prints, built from the findings alone), with its
 * commands as the project runs secretscan (`npx secretscan` in a Node project).
 */
export async function remediationPlanFor(scan: CompletedScan): Promise<(findings: readonly Finding[]) => string> {
  const [catalogue, command] = await Promise.all([loadCatalogue(), planCommandFor(scan.root)]);
  const context = { rules: scan.rules, fileOf: (path: string) => secretFileOf(path, catalogue) };
  return (findings) => {
    if (findings.length === 0) return '';
    const plan = buildRepositoryPlan(planSecretsFromFindings(findings, context), { command, replacementsFile: DEFAULT_REPLACEMENTS_FILE }, ['origin']);
    return formatRepositoryPlanMarkdown(plan, 3, NOTE);
  };
}
