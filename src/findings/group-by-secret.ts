import { compareFindings, compareStrings } from './compare.js';
import type { CommitInfo, Finding, Occurrence, Severity, ValuePlace } from './finding.js';
import { fingerprintFromSecretId } from './fingerprint.js';

/**
 * Where a blob was committed: each path with the earliest commit that put the blob there, and that
 * commit's position in `git log` order (0 = newest), which orders commits with equal dates.
 */
export type BlobPlaces = ReadonlyMap<string, readonly { path: string; commit: CommitInfo; age: number }[]>;

/** An occurrence with its commit's log position (-1 when unknown: sorted last among equal dates). */
interface Placed {
  occurrence: Occurrence;
  age: number;
  /** The blob holding the secret there, when it is a blob (not a commit message). */
  blob?: string | undefined;
  /** Found by the value alone (no rule matched there): never the finding's own location. */
  isByValue?: boolean;
}

/** What grouping needs to know besides the findings. */
export interface GroupOptions {
  places: BlobPlaces;
  /** Blob id → the newest commit that replaced or deleted that blob somewhere (for `removedIn`). */
  removals?: ReadonlyMap<string, CommitInfo>;
  /** Blob ids in HEAD's tree; undefined when HEAD is unborn. */
  headBlobs: ReadonlySet<string> | undefined;
  /** HEAD's commit: a secret in its own message (a finding with no blob) is at HEAD too. */
  headCommit?: string;
  /** Paths an allowlist covers entirely: occurrences there are dropped and counted. */
  isPathSuppressed: (path: string) => boolean;
  /** Every other place each secret id's value sits (found by value, see ValuePlace), in blobs or messages. */
  valuePlaces?: ReadonlyMap<string, readonly ValuePlace[]>;
}

const RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

/** Each path and commit a place's blob was committed at, at the place's line and column (the place itself when it is no blob). */
function occurrencesOf(place: ValuePlace, places: BlobPlaces): Placed[] {
  const at = { startLine: place.startLine, startColumn: place.startColumn, ...(place.byteOffset === undefined ? {} : { byteOffset: place.byteOffset }) };
  const { blob } = place;
  const known = blob === undefined ? undefined : places.get(blob);
  if (known === undefined || known.length === 0) return [{ occurrence: { path: place.path, ...at, ...(place.commit ? { commit: place.commit } : {}) }, age: -1, blob }];
  return known.map((where) => ({ occurrence: { path: where.path, ...at, commit: where.commit }, age: where.age, blob }));
}

/** Earliest first: by date, then older in log order, then by path. */
function comparePlaced(a: Placed, b: Placed): number {
  const [x, y] = [a.occurrence, b.occurrence];
  const byDate = (x.commit ? Date.parse(x.commit.date) : Infinity) - (y.commit ? Date.parse(y.commit.date) : Infinity);
  return byDate || b.age - a.age || compareStrings(x.path, y.path) || compareStrings(x.commit?.sha ?? '', y.commit?.sha ?? '') || x.startLine - y.startLine;
}

/** Whether a placed finding is part of HEAD: a blob in its tree, or the message of HEAD's own commit. */
function isAtHead(placed: Placed, options: GroupOptions): boolean {
  const { blob } = placed;
  if (blob !== undefined) return options.headBlobs?.has(blob) === true;
  return options.headCommit !== undefined && placed.occurrence.commit?.sha === options.headCommit;
}

/** The newest commit that took away one of the group's blobs: when the secret left the tree. */
function newestRemoval(group: readonly (Placed & { finding: Finding })[], removals: ReadonlyMap<string, CommitInfo> | undefined): CommitInfo | undefined {
  let newest: CommitInfo | undefined;
  for (const placed of group) {
    // A place found by value has a blob of its own; a match's place is its finding's blob.
    const blob = placed.blob ?? placed.finding.blob;
    const removal = blob === undefined ? undefined : removals?.get(blob);
    if (removal !== undefined && (newest === undefined || Date.parse(removal.date) > Date.parse(newest.date))) newest = removal;
  }
  return newest;
}

function mergeGroup(group: (Placed & { finding: Finding })[], options: GroupOptions): Finding {
  group.sort(comparePlaced);
  // The finding's own location is the earliest place a rule matched: its context line is from there.
  const { finding: base, occurrence: first } = group.find((g) => g.isByValue !== true) ?? (group[0] as Placed & { finding: Finding });
  // Each line the secret sits on is an occurrence: the purge needs every copy.
  const seen = new Set<string>();
  const occurrences = group
    .map((g) => g.occurrence)
    .filter((o) => {
      const key = `${o.path}\0${o.commit?.sha ?? ''}\0${o.startLine}\0${o.startColumn}`;
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
  if (options.headBlobs !== undefined || options.headCommit !== undefined) merged.isPresentAtHead = group.some((g) => isAtHead(g, options));
  const removedIn = merged.isPresentAtHead === false ? newestRemoval(group, options.removals) : undefined;
  if (removedIn !== undefined) merged.removedIn = removedIn;
  return merged;
}

/**
 * Adds the places found by value to the groups of their secret ids (a secret id without a finding
 * gets none). Those at allowlisted paths are left out, uncounted: the matches there are counted.
 */
function addValuePlaces(groups: Map<string, (Placed & { finding: Finding })[]>, options: GroupOptions): void {
  for (const [secretId, list] of options.valuePlaces ?? []) {
    const group = groups.get(secretId);
    const finding = group?.[0]?.finding;
    if (group === undefined || finding === undefined) continue;
    for (const place of list) {
      for (const placed of occurrencesOf(place, options.places)) {
        if (!options.isPathSuppressed(placed.occurrence.path)) group.push({ ...placed, finding, isByValue: true });
      }
    }
  }
}

/**
 * Turns per-blob findings of a history scan into one finding per secret (rule + value): every path,
 * commit and line where it appears (also where only its value was found), the earliest as the
 * finding's own location, and whether it is still at HEAD. Returns the findings and how many occurrences allowlisted paths removed.
 */
export function groupBySecret(findings: readonly Finding[], options: GroupOptions): { findings: Finding[]; suppressedPaths: number } {
  const groups = new Map<string, (Placed & { finding: Finding })[]>();
  let suppressedPaths = 0;
  for (const finding of findings) {
    for (const placed of occurrencesOf(finding, options.places)) {
      if (options.isPathSuppressed(placed.occurrence.path)) {
        suppressedPaths++;
        continue;
      }
      const group = groups.get(finding.secretId);
      if (group === undefined) groups.set(finding.secretId, [{ ...placed, finding }]);
      else group.push({ ...placed, finding });
    }
  }
  addValuePlaces(groups, options);
  const grouped = [...groups.values()].map((group) => mergeGroup(group, options));
  return { findings: grouped.sort(compareFindings), suppressedPaths };
}
