import type { Finding, SuppressedCounts } from '../findings/index.js';
import type { Candidate, KindPolicy, SuppressionPolicy } from './allowlist.js';
import type { Suppressions } from './load-suppressions.js';

/**
 * Where a stage decides: before reading (a path), on each match inside the engine (it still has
 * the raw secret and its line), on each secret-bearing file the audit reports, or on each finding
 * of the whole result (by fingerprint).
 */
export type StagePoint = 'path' | 'match' | 'audit' | 'finding';

/** One way a finding is suppressed, and the count of `ScanResult.suppressed` it adds to. */
export interface SuppressionStage {
  id: string;
  point: StagePoint;
  counter: keyof SuppressedCounts;
  description: string;
}

/**
 * Every suppression, in the order it applies: a finding is counted by the first stage that drops
 * it. This list is the order: the matcher runs the `match` stages and applySuppressions the
 * `finding` stages by walking it.
 */
export const SUPPRESSION_STAGES = [
  {
    id: 'allowlisted-path',
    point: 'path',
    counter: 'paths',
    description: 'a config allowlist entry with only `paths` covers the file: a tree scan does not read it, a diff scan does not match its chunks, and a history audit drops each occurrence there when it groups findings by secret',
  },
  { id: 'inline-marker', point: 'match', counter: 'inline', description: 'the line of the match holds `secretscan:allow`' },
  { id: 'allowlist', point: 'match', counter: 'allowlist', description: 'a config allowlist entry (rules, regexes, stopwords, or paths with any of them) covers the match' },
  { id: 'sensitive-file-path', point: 'audit', counter: 'paths', description: "an allowlist entry's `paths` cover a secret-bearing file the audit reports (for every rule, or for that file kind)" },
  { id: 'ignore-file', point: 'finding', counter: 'ignored', description: 'the `.secretscanignore` file lists the finding’s fingerprint (the deliberate, reviewed decision, so it counts first)' },
  { id: 'baseline', point: 'finding', counter: 'baseline', description: 'the baseline file lists the finding’s fingerprint' },
] as const satisfies readonly SuppressionStage[];

type Stage = (typeof SUPPRESSION_STAGES)[number];
type MatchStage = Extract<Stage, { point: 'match' }>;
type FindingStage = Extract<Stage, { point: 'finding' }>;

const MATCH_STAGES = SUPPRESSION_STAGES.filter((stage): stage is MatchStage => stage.point === 'match');
const FINDING_STAGES = SUPPRESSION_STAGES.filter((stage): stage is FindingStage => stage.point === 'finding');

/** A match as the match stages see it: the candidate, and whether its line carries the marker (asked lazily). */
interface MatchQuestion {
  candidate: () => Candidate;
  isOnMarkedLine: () => boolean;
}

const MATCH_TESTS: { readonly [Id in MatchStage['id']]: (match: MatchQuestion, policy: SuppressionPolicy | undefined) => boolean } = {
  'inline-marker': (match) => match.isOnMarkedLine(),
  allowlist: (match, policy) => policy?.isSuppressed(match.candidate()) === true,
};

/** The counter a match stage adds to. */
export type MatchCounter = MatchStage['counter'];

/**
 * The engine's match stages over one policy: the counter of the first stage that drops the
 * match, or undefined when it stays. The candidate is built only when a stage needs it.
 */
export function matchSuppressor(policy: SuppressionPolicy | undefined): (match: MatchQuestion) => MatchCounter | undefined {
  return (match) => MATCH_STAGES.find((stage) => MATCH_TESTS[stage.id](match, policy))?.counter;
}

/** The audit's stage: the secret-bearing file findings an allowlist entry covers are left out. */
export function withoutAllowlistedFiles(findings: readonly Finding[], policy: Pick<KindPolicy, 'isSuppressed'>): { kept: Finding[]; dropped: number } {
  const kept = findings.filter((finding) => !policy.isSuppressed(finding.ruleId, finding.path));
  return { kept, dropped: findings.length - kept.length };
}

/** The fingerprints a finding stage drops, or undefined when its file is not in use. */
const FINDING_FINGERPRINTS: { readonly [Id in FindingStage['id']]: (suppressions: Suppressions) => ReadonlySet<string> | undefined } = {
  'ignore-file': (suppressions) => (suppressions.ignore === undefined ? undefined : new Set(suppressions.ignore.entries.map((entry) => entry.fingerprint))),
  baseline: (suppressions) => (suppressions.baseline === undefined ? undefined : new Set(suppressions.baseline.entries.map((entry) => entry.fingerprint))),
};

/**
 * Runs the finding stages in order over `findings`: what stays, and how many each stage whose
 * file is in use dropped (a stage not in use has no count, so `0` means "applied, dropped nothing").
 */
export function runFindingStages(findings: readonly Finding[], suppressions: Suppressions): { kept: Finding[]; counts: Partial<Record<FindingStage['counter'], number>> } {
  let kept = [...findings];
  const counts: Partial<Record<FindingStage['counter'], number>> = {};
  for (const stage of FINDING_STAGES) {
    const listed = FINDING_FINGERPRINTS[stage.id](suppressions);
    if (listed === undefined) continue;
    const remaining = kept.filter((finding) => !listed.has(finding.fingerprint));
    counts[stage.counter] = kept.length - remaining.length;
    kept = remaining;
  }
  return { kept, counts };
}
