import { compareStrings, type Severity } from '../findings/index.js';
import type { MergedCommit, MergedFinding, MergedRepository, RepositorySighting, Sighting } from './types.js';

const RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

function dateOf(commit: MergedCommit | undefined): number {
  const time = commit === undefined ? Number.NaN : Date.parse(commit.date);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

function isEarlier(a: Sighting, b: RepositorySighting): boolean {
  return dateOf(a.commit) < dateOf(b.firstCommit) || (dateOf(a.commit) === dateOf(b.firstCommit) && (compareStrings(a.path, b.path) || a.startLine - b.startLine) < 0);
}

function newer(a: MergedCommit | undefined, b: MergedCommit | undefined): MergedCommit | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return dateOf(b) > dateOf(a) ? b : a;
}

function repositorySightingOf(sighting: Sighting, repository: MergedRepository): RepositorySighting {
  const entry: RepositorySighting = {
    repository: repository.name,
    ...(repository.commit === undefined ? {} : { scannedCommit: repository.commit }),
    path: sighting.path,
    startLine: sighting.startLine,
    occurrences: sighting.occurrences,
  };
  if (sighting.commit !== undefined) entry.firstCommit = sighting.commit;
  if (sighting.isPresentAtHead !== undefined) entry.isPresentAtHead = sighting.isPresentAtHead;
  if (sighting.removedIn !== undefined) entry.removedIn = sighting.removedIn;
  return entry;
}

/** Adds a second finding of the same secret in the same report (a working-tree scan lists each place). */
function combine(entry: RepositorySighting, sighting: Sighting): void {
  if (isEarlier(sighting, entry)) {
    entry.path = sighting.path;
    entry.startLine = sighting.startLine;
    if (sighting.commit !== undefined) entry.firstCommit = sighting.commit;
  }
  entry.occurrences += sighting.occurrences;
  if (sighting.isPresentAtHead !== undefined) entry.isPresentAtHead = entry.isPresentAtHead === true || sighting.isPresentAtHead;
  const removedIn = entry.isPresentAtHead === true ? undefined : newer(entry.removedIn, sighting.removedIn);
  if (removedIn === undefined) delete entry.removedIn;
  else entry.removedIn = removedIn;
}

function compareEntries(a: RepositorySighting, b: RepositorySighting): number {
  const [x, y] = [dateOf(a.firstCommit), dateOf(b.firstCommit)];
  return (x === y ? 0 : x < y ? -1 : 1) || compareStrings(a.repository, b.repository) || compareStrings(a.scannedCommit ?? '', b.scannedCommit ?? '');
}

function findingOf(sightings: readonly Sighting[], repositories: readonly MergedRepository[]): MergedFinding {
  const [first] = sightings as [Sighting];
  const entries = new Map<number, RepositorySighting>();
  let severity = first.severity;
  for (const sighting of sightings) {
    if (RANK[sighting.severity] > RANK[severity]) severity = sighting.severity;
    const entry = entries.get(sighting.repository);
    if (entry === undefined) entries.set(sighting.repository, repositorySightingOf(sighting, repositories[sighting.repository] as MergedRepository));
    else combine(entry, sighting);
  }
  const listed = [...entries.values()].sort(compareEntries);
  const finding: MergedFinding = {
    secretId: first.secretId,
    ruleId: first.ruleId,
    ruleName: first.ruleName,
    severity,
    preview: first.preview,
    occurrences: listed.reduce((sum, entry) => sum + entry.occurrences, 0),
    repositories: listed,
  };
  if (listed.some((entry) => entry.isPresentAtHead !== undefined)) finding.isPresentAtHead = listed.some((entry) => entry.isPresentAtHead === true);
  return finding;
}

/** Groups one spill bucket's sightings into one finding per secret, sorted by secret id. */
export function groupSightings(sightings: readonly Sighting[], repositories: readonly MergedRepository[]): MergedFinding[] {
  const bySecret = new Map<string, Sighting[]>();
  for (const sighting of sightings) {
    const group = bySecret.get(sighting.secretId);
    if (group === undefined) bySecret.set(sighting.secretId, [sighting]);
    else group.push(sighting);
  }
  return [...bySecret.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, group]) => findingOf(group, repositories));
}
