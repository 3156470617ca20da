import type { Finding } from '../findings/index.js';
import { executeScan, type ScanOptions, type SourceRequest } from '../pipeline/index.js';
import type { Rule } from '../rules/index.js';
import type { Repository } from '../sources/index.js';
import type { SecretEvidence } from './secret-location.js';

/** Which secrets get a plan: every one (or those in the given paths), or those of one source. */
export type RemediationMode = 'all' | 'staged' | 'range' | 'history';

/** What to plan for. */
export interface RemediationRequest {
  mode: RemediationMode;
  /** With mode `all`: plan only for secrets in these files or directories. */
  paths: string[];
  /** With mode `range`: `BASE..HEAD`. */
  range?: string;
}

/** The scans a plan needs, keyed by what they are for. */
export interface RemediationScans {
  /** The findings that get a plan. */
  targets: Finding[];
  /** Where each secret (by secret id) was found: working tree, index, history, the range. */
  evidence: Map<string, SecretEvidence>;
  rules: Rule[];
  root: string;
  /** Raw values by secret id, only when the scans were asked to reveal them. */
  secrets: Map<string, Set<string>>;
  isPartial: boolean;
}

function evidenceOf(evidence: Map<string, SecretEvidence>, secretId: string): SecretEvidence {
  let found = evidence.get(secretId);
  if (found === undefined) evidence.set(secretId, (found = {}));
  return found;
}

function addTo(evidence: SecretEvidence, key: 'workingTree' | 'staged' | 'head' | 'other', finding: Finding): void {
  evidence[key] = [...(evidence[key] ?? []), finding];
}

/**
 * Runs the scans: the one the request chooses (its findings are what gets a plan) and, in a
 * repository, the working tree, index, history and HEAD's files (the exact lines to fix) for where
 * each secret lives. With
 * `base.shouldRevealSecrets` the raw values are collected into `secrets` and removed from the
 * findings straight away. The `.gitignore` audit is off: its findings are about files, not
 * secret values (`secretscan gitignore` plans for those).
 */
export async function gatherScans(request: RemediationRequest, base: Omit<ScanOptions, 'source'>, repo: Repository | undefined): Promise<RemediationScans> {
  const log = base.log ?? (() => undefined);
  const scans: RemediationScans = { targets: [], evidence: new Map(), rules: [], root: repo?.root ?? base.cwd, secrets: new Map(), isPartial: false };
  const run = async (source: SourceRequest, label: string): Promise<Finding[]> => {
    log(`remediate: ${label} scan`);
    const scan = await executeScan({ ...base, source, shouldAuditGitignore: false });
    scans.rules = scan.rules;
    scans.root = scan.root;
    scans.isPartial ||= scan.result.isPartial;
    return scan.result.findings.map((finding) => {
      if (finding.secret !== undefined) {
        const values = scans.secrets.get(finding.secretId) ?? new Set<string>();
        values.add(finding.secret);
        scans.secrets.set(finding.secretId, values);
      }
      const { secret: _secret, ...redacted } = finding;
      return redacted;
    });
  };
  const isWorkTree = repo !== undefined && !repo.isBare;
  const tree = repo?.isBare === true ? [] : await run({ kind: 'tree', paths: request.paths }, 'working tree');
  const staged = isWorkTree ? await run({ kind: 'staged' }, 'staged') : [];
  const history = repo !== undefined ? await run({ kind: 'history' }, 'history') : [];
  // HEAD's files as committed: the lines the plan's code fix names are the ones HEAD holds.
  const head = isWorkTree && history.some((finding) => finding.isPresentAtHead === true) ? await run({ kind: 'tree', paths: [], isCommittedOnly: true }, 'HEAD') : [];
  for (const finding of tree) addTo(evidenceOf(scans.evidence, finding.secretId), 'workingTree', finding);
  for (const finding of staged) addTo(evidenceOf(scans.evidence, finding.secretId), 'staged', finding);
  for (const finding of history) evidenceOf(scans.evidence, finding.secretId).history = finding;
  for (const finding of head) addTo(evidenceOf(scans.evidence, finding.secretId), 'head', finding);
  if (request.mode === 'range') {
    const range = await run({ kind: 'range', range: request.range ?? '' }, 'range');
    for (const finding of range) addTo(evidenceOf(scans.evidence, finding.secretId), 'other', finding);
    scans.targets = range;
  } else if (request.mode === 'staged') scans.targets = staged;
  else if (request.mode === 'history') scans.targets = history;
  else scans.targets = request.paths.length > 0 ? tree : [...history, ...staged, ...tree];
  return scans;
}

/** Every finding the scans made of one secret (by secret id): history, working tree, index, HEAD, others. */
export function findingsOfSecret(scans: RemediationScans, secretId: string): Finding[] {
  const evidence = scans.evidence.get(secretId) ?? {};
  return [...(evidence.history === undefined ? [] : [evidence.history]), ...(evidence.workingTree ?? []), ...(evidence.staged ?? []), ...(evidence.head ?? []), ...(evidence.other ?? [])];
}
