import type { ArtifactLocation, Location, Result, Run } from 'sarif';
import type { Rule } from '../../rules/index.js';
import { relativeUriOf, ruleDescriptorOf, SARIF_LEVEL, SARIF_SCHEMA_URI } from '../../reporters/index.js';
import { compareStrings } from '../../findings/index.js';
import type { MergedReports } from '../merge-reports.js';
import type { MergedFinding, MergedRepository, RepositorySighting } from '../types.js';

/** How many other repositories a result lists as related locations. */
const MAX_RELATED = 50;

/** `REPO1`, `REPO2`, …: the base id each repository's paths are relative to. */
function baseIdOf(index: number): string {
  return `REPO${index + 1}`;
}

// `github.com/acme/api` at a commit → `https://github.com/acme/api/blob/<commit>/`, a base web
// viewers resolve; other names (a path, a --repository label) get a description only.
function baseLocationOf(repository: MergedRepository): ArtifactLocation {
  const location: ArtifactLocation = { description: { text: repository.commit === undefined ? repository.name : `${repository.name} at ${repository.commit}` } };
  if (/^[a-z0-9.-]+\.[a-z]{2,}(?:\/[^/\s]+){2,}$/i.test(repository.name) && repository.commit !== undefined) location.uri = `https://${repository.name.split('/').map(encodeURIComponent).join('/')}/blob/${repository.commit}/`;
  return location;
}

function locationOf(entry: RepositorySighting, baseIds: Map<string, string>, id?: number): Location {
  const location: Location = {
    physicalLocation: { artifactLocation: { uri: relativeUriOf(entry.path), uriBaseId: baseIds.get(`${entry.repository}\0${entry.scannedCommit ?? ''}`) ?? 'REPO0' }, region: { startLine: entry.startLine } },
    message: { text: entry.repository },
  };
  if (id !== undefined) location.id = id;
  return location;
}

function resultOf(finding: MergedFinding, ruleIndex: number, baseIds: Map<string, string>): Result {
  const [first, ...others] = finding.repositories as [RepositorySighting, ...RepositorySighting[]];
  const names = finding.repositories.map((entry) => entry.repository);
  const result: Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[finding.severity],
    message: {
      text: `${finding.ruleName} detected: ${finding.preview}, in ${names.length} ${names.length === 1 ? 'repository' : 'repositories'} (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}). Rotate it at the provider first, then remove it from the code and from git history.`,
    },
    locations: [locationOf(first, baseIds)],
    partialFingerprints: { 'secretscanSecretId/v1': finding.secretId },
    properties: { repositories: names, occurrences: finding.occurrences, ...(finding.isPresentAtHead === undefined ? {} : { isPresentAtHead: finding.isPresentAtHead }) },
  };
  if (others.length > 0) result.relatedLocations = others.slice(0, MAX_RELATED).map((entry, index) => locationOf(entry, baseIds, index + 1));
  return result;
}

/**
 * The merged report as SARIF 2.1.0, streamed: one run, one result per secret located in the
 * repository that had it first (relative to that repository's base id, `REPO1`…), with the other
 * repositories as related locations.
 */
export async function* mergedSarif(merged: MergedReports, tool: { name: string; version: string; informationUri: string }, rules: readonly Rule[]): AsyncGenerator<string> {
  const byId = new Map(rules.map((rule) => [rule.spec.id, rule]));
  const fired = [...merged.rules.entries()].sort(([a], [b]) => compareStrings(a, b));
  const descriptors = fired.map(([id, { name, severity }]) => ruleDescriptorOf({ id, name: byId.get(id)?.spec.name ?? name, severity: byId.get(id)?.spec.severity ?? severity, rule: byId.get(id), count: 0 }, tool.informationUri));
  const ruleIndex = new Map(fired.map(([id], index) => [id, index]));
  const baseIds = new Map(merged.repositories.map((repository, index) => [`${repository.name}\0${repository.commit ?? ''}`, baseIdOf(index)]));
  const run: Run = {
    tool: { driver: { name: tool.name, version: tool.version, informationUri: tool.informationUri, rules: descriptors } },
    invocations: [{ executionSuccessful: !merged.repositories.some((repository) => repository.isPartial) }],
    originalUriBaseIds: Object.fromEntries(merged.repositories.map((repository, index) => [baseIdOf(index), baseLocationOf(repository)])),
    columnKind: 'utf16CodeUnits',
  };
  const head = JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [{ ...run, results: [] }] }, null, 2);
  const at = head.lastIndexOf('"results": []');
  yield `${head.slice(0, at)}"results": [`;
  let count = 0;
  for await (const finding of merged.findings()) {
    yield `${count === 0 ? '' : ','}\n        ${JSON.stringify(resultOf(finding, ruleIndex.get(finding.ruleId) ?? -1, baseIds))}`;
    count++;
  }
  yield `${count === 0 ? '' : '\n      '}]${head.slice(at + '"results": []'.length)}\n`;
}
