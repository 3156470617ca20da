import type { PlantedSecret } from './plan-tree.js';

/** The part of a JSON-report finding this needs. */
export interface ReportedFinding {
  ruleId: string;
  path: string;
  startLine: number;
}

/** Planted secrets split into found and missed, and the findings that hit no planted secret. */
export interface PlantedMatch {
  found: Array<PlantedSecret & { ruleIds: string[] }>;
  missed: PlantedSecret[];
  /** Findings elsewhere in the tree (in the filler): candidates for false positives. */
  elsewhere: ReportedFinding[];
}

function isReportedFinding(value: unknown): value is ReportedFinding {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.ruleId === 'string' && typeof v.path === 'string' && typeof v.startLine === 'number';
}

/** Reads the findings of a `scan --format json` report; throws when it is not one. */
export function findingsOfJsonReport(json: string): ReportedFinding[] {
  const report: unknown = JSON.parse(json);
  const findings = typeof report === 'object' && report !== null ? (report as Record<string, unknown>).findings : undefined;
  if (!Array.isArray(findings) || !findings.every(isReportedFinding)) throw new Error('the scan output is not a JSON report with findings');
  return findings;
}

/** A finding hits a planted secret when it is in the same file and starts on one of its lines. */
export function matchPlanted(planted: readonly PlantedSecret[], findings: readonly ReportedFinding[]): PlantedMatch {
  const used = new Set<ReportedFinding>();
  const match: PlantedMatch = { found: [], missed: [], elsewhere: [] };
  for (const plant of planted) {
    const hits = findings.filter((f) => f.path === plant.path && f.startLine >= plant.line && f.startLine < plant.line + plant.lineCount);
    hits.forEach((f) => used.add(f));
    if (hits.length === 0) match.missed.push(plant);
    else match.found.push({ ...plant, ruleIds: [...new Set(hits.map((f) => f.ruleId))] });
  }
  match.elsewhere = findings.filter((f) => !used.has(f));
  return match;
}
