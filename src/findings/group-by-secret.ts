import { compareFindings, compareStrings } from './compare.js';
import type { CommitInfo, Finding, Occurrence, Severity } from './finding.js';
import { fingerprintFromSecretId } from './fingerprint.js';

/** Where a blob was committed: each path with the earliest commit that put the blob there. */
export type BlobPlaces = ReadonlyMap<string, readonly { path: string; commit: CommitInfo }[]>;

/** What grouping needs to know besides the findings. */
export interface GroupOptions {
  places: BlobPlaces;
  /** Blob ids in HEAD's tree; undefined when HEAD is unborn. */
  headBlobs: ReadonlySet<string> | undefined;
  /** Paths an allowlist covers entirely: occurrences there are dropped and counted. */
  isPathSuppressed: (path: string) => boolean;
}

const RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

function occurrencesOf(finding: Finding, places: BlobPlaces): Occurrence[] {
  const at = { startLine: finding.startLine, startColumn: finding.startColumn };
  const known = finding.blob === undefined ? undefined : places.get(finding.blob);
  if (known === undefined || known.length === 0) return [{ path: finding.path, ...at, ...(finding.commit ? { commit: finding.commit } : {}) }];
  return known.map((place) => ({ path: place.path, ...at, commit: place.commit }));
}

function compareOccurrences(a: Occurrence, b: Occurrence): number {
  const byDate = (a.commit ? Date.parse(a.commit.date) : Infinity) - (b.commit ? Date.parse(b.commit.date) : Infinity);
  return byDate || compareStrings(a.path, b.path) || compareStrings(a.commit?.sha ?? '', b.commit?.sha ?? '') || a.startLine - b.startLine;
}

function mergeGroup(group: { finding: Finding; occurrence: Occurrence }[], headBlobs: ReadonlySet<string> | undefined): Finding {
  group.sort((a, b) => compareOccurrences(a.occurrence, b.occurrence));
  const { finding: base, occurrence: first } = group[0] as { finding: Finding; occurrence: Occurrence };
  const seen = new Set<string>();
  const occurrences = group.map((g) => g.occurrence).filter((o) => {
    const key = `${o.path}\0${o.commit?.sha ?? ''}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const { blob: _blob, ...rest } = base;
  const merged: Finding = {
    ...rest,
    severity: group.reduce<Severity>((worst, g) => (RANK[g.finding.severity] > RANK[worst] ? g.finding.severity : worst), base.severity),
    path: first.path,
    fingerprint: fingerprintFromSecretId(base.ruleId, first.path, base.secretId),
    occurrences,
  };
  if (first.commit !== undefined) merged.commit = first.commit;
  if (headBlobs !== undefined) merged.isPresentAtHead = group.some((g) => g.finding.blob !== undefined && headBlobs.has(g.finding.blob));
  return merged;
}

/**
 * Turns per-blob findings of a history scan into one finding per secret (rule + value): every path
 * and commit where it appears, the earliest as the finding's own location, and whether it is
 * still at HEAD. Returns the findings and how many occurrences allowlisted paths removed.
 */
export function groupBySecret(findings: readonly Finding[], options: GroupOptions): { findings: Finding[]; suppressedPaths: number } {
  const groups = new Map<string, { finding: Finding; occurrence: Occurrence }[]>();
  let suppressedPaths = 0;
  for (const finding of findings) {
    for (const occurrence of occurrencesOf(finding, options.places)) {
      if (options.isPathSuppressed(occurrence.path)) {
        suppressedPaths++;
        continue;
      }
      const group = groups.get(finding.secretId);
      if (group === undefined) groups.set(finding.secretId, [{ finding, occurrence }]);
      else group.push({ finding, occurrence });
    }
  }
  const grouped = [...groups.values()].map((group) => mergeGroup(group, options.headBlobs));
  return { findings: grouped.sort(compareFindings), suppressedPaths };
}
