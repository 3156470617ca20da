import type { Finding } from '../../findings/index.js';
import type { Rule } from '../../rules/index.js';
import type { SecretFile } from '../file-kind.js';
import type { SecretLocation } from '../secret-location.js';
import type { PlanSecret } from './types.js';

/** What a plan built from a scan's findings alone needs besides them. */
export interface FindingsPlanContext {
  rules: readonly Rule[];
  /** What a path is, by the catalogue of secret-bearing files (see secretFileOf). */
  fileOf: (path: string) => SecretFile;
}

function locationOf(findings: readonly Finding[], fileOf: (path: string) => SecretFile): SecretLocation {
  const paths = [...new Set(findings.flatMap((finding) => [finding.path, ...(finding.occurrences ?? []).map((occurrence) => occurrence.path)]))].sort();
  const commits = [...new Set(findings.flatMap((finding) => (finding.commit === undefined ? [] : [finding.commit.sha])))];
  return {
    place: 'pushed',
    isAtHead: findings.some((finding) => finding.isPresentAtHead !== false),
    isInWorkingTree: false,
    isStaged: false,
    paths,
    files: Object.fromEntries(paths.map((path) => [path, fileOf(path)])),
    commits,
    remoteRefs: [],
    remotes: ['origin'],
  };
}

/**
 * PlanSecrets from a scan's findings alone, for a report on the host (the GitHub Action): every
 * secret counts as pushed to `origin` (the host has it), and its lines are the findings' own
 * (those of a history scan's findings only while the secret is still at HEAD).
 */
export function planSecretsFromFindings(findings: readonly Finding[], context: FindingsPlanContext): PlanSecret[] {
  const bySecret = new Map<string, Finding[]>();
  for (const finding of findings) bySecret.set(finding.secretId, [...(bySecret.get(finding.secretId) ?? []), finding]);
  const rules = new Map(context.rules.map((rule) => [rule.spec.id, rule]));
  return [...bySecret.values()].map((group) => {
    const [finding] = group as [Finding, ...Finding[]];
    const rule = rules.get(finding.ruleId);
    return { finding, location: locationOf(group, context.fileOf), ...(rule === undefined ? {} : { rule }), head: group.filter((found) => found.isPresentAtHead !== false), uncommitted: [] };
  });
}
