import type { PlantedSecret } from '../plan-tree.js';

// Planted vs found for a history scan. A history finding names the earliest place its secret was
// seen (path, commit, line) and lists every other place in `occurrences`; a plant counts as found
// when any of those places is the blob that added it: same path, same commit, a line of the plant.

/** A plant with its commits resolved to object names. */
export interface ResolvedPlant extends PlantedSecret {
  /** The commit that added it. */
  commit: string;
  /** The branch it was added on, e.g. `refs/heads/main`. */
  ref: string;
  /** The commit that removed it; absent while it is still at a branch tip. */
  removedIn?: string;
}

/** One place a finding reports: path, 1-based line and the commit, when the report gives one. */
export interface FoundPlace {
  path: string;
  startLine: number;
  commit?: string;
}

/** The part of a history finding this needs. */
export interface HistoryFinding extends FoundPlace {
  ruleId: string;
  occurrences: FoundPlace[];
}

/** Plants split into found (with the rules that fired) and missed, and findings that hit no plant. */
export interface HistoryMatch {
  found: Array<ResolvedPlant & { ruleIds: string[] }>;
  missed: ResolvedPlant[];
  elsewhere: HistoryFinding[];
}

function placeOf(value: unknown): FoundPlace | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.path !== 'string' || typeof v.startLine !== 'number') return undefined;
  const commit = typeof v.commit === 'object' && v.commit !== null ? (v.commit as Record<string, unknown>).sha : undefined;
  return { path: v.path, startLine: v.startLine, ...(typeof commit === 'string' ? { commit } : {}) };
}

function findingOf(value: unknown): HistoryFinding | undefined {
  const place = placeOf(value);
  const v = value as Record<string, unknown>;
  if (place === undefined || typeof v.ruleId !== 'string') return undefined;
  const raw: unknown[] = Array.isArray(v.occurrences) ? v.occurrences : [];
  const occurrences = raw.map(placeOf);
  if (!occurrences.every((o) => o !== undefined)) return undefined;
  return { ...place, ruleId: v.ruleId, occurrences: occurrences as FoundPlace[] };
}

/** Reads the findings of a `scan --history --format json` report; throws when it is not one. */
export function findingsOfHistoryReport(json: string): HistoryFinding[] {
  const report: unknown = JSON.parse(json);
  const raw = typeof report === 'object' && report !== null ? (report as Record<string, unknown>).findings : undefined;
  const findings = Array.isArray(raw) ? raw.map(findingOf) : [undefined];
  if (!findings.every((f) => f !== undefined)) throw new Error('the scan output is not a JSON report with findings');
  return findings as HistoryFinding[];
}

function isPlantPlace(plant: ResolvedPlant, place: FoundPlace): boolean {
  return place.path === plant.path && place.commit === plant.commit && place.startLine >= plant.line && place.startLine < plant.line + plant.lineCount;
}

/** Matches plants to findings by the places each finding reports. */
export function matchHistory(planted: readonly ResolvedPlant[], findings: readonly HistoryFinding[]): HistoryMatch {
  const used = new Set<HistoryFinding>();
  const match: HistoryMatch = { found: [], missed: [], elsewhere: [] };
  for (const plant of planted) {
    const hits = findings.filter((f) => [f, ...f.occurrences].some((place) => isPlantPlace(plant, place)));
    hits.forEach((f) => used.add(f));
    if (hits.length === 0) match.missed.push(plant);
    else match.found.push({ ...plant, ruleIds: [...new Set(hits.map((f) => f.ruleId))] });
  }
  match.elsewhere = findings.filter((f) => !used.has(f));
  return match;
}
