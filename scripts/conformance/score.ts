import type { ConformanceCase } from './cases.js';
import { hasFindingOnSecret, type FindingPlace } from './span.js';

/** What the scanner reported for one case: where, and which rule. */
export type CaseFinding = FindingPlace & { ruleId: string };

/** The verdict on one case. */
export interface CaseOutcome {
  case: ConformanceCase;
  /** Rule ids that fired, in report order, without repeats. */
  ruleIds: string[];
  /** Secret case: a finding overlaps the secret. Clean case: any finding at all (a false positive). */
  isFlagged: boolean;
  /** Set when the scanner threw on this case; it then counts as having no findings. */
  error?: string;
}

/** Scans one case's text and returns its findings. */
export type ScanText = (text: string) => CaseFinding[];

/** Scores one case. A thrown scanner error is kept as a value so one bad case cannot stop the run. */
export function scoreCase(testCase: ConformanceCase, scan: ScanText): CaseOutcome {
  let findings: CaseFinding[];
  try {
    findings = scan(testCase.text);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0] ?? ''}` : 'non-Error thrown';
    return { case: testCase, ruleIds: [], isFlagged: false, error: message };
  }
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))];
  const isFlagged = testCase.expect === 'clean' ? findings.length > 0 : hasFindingOnSecret(testCase.text, testCase.secret, findings);
  return { case: testCase, ruleIds, isFlagged };
}

/** Counts for one group of cases. */
export interface Tally {
  secretCases: number;
  /** Secret cases with a finding on the secret. */
  detected: number;
  cleanCases: number;
  /** Clean cases with any finding. */
  falsePositives: number;
}

/** A tally with its group label (a source or provider name). */
export interface GroupTally extends Tally {
  name: string;
}

function emptyTally(): Tally {
  return { secretCases: 0, detected: 0, cleanCases: 0, falsePositives: 0 };
}

function addTo(tally: Tally, outcome: CaseOutcome): void {
  if (outcome.case.expect === 'secret') {
    tally.secretCases++;
    if (outcome.isFlagged) tally.detected++;
  } else {
    tally.cleanCases++;
    if (outcome.isFlagged) tally.falsePositives++;
  }
}

/** Tallies all outcomes. */
export function tallyOf(outcomes: readonly CaseOutcome[]): Tally {
  const tally = emptyTally();
  for (const outcome of outcomes) addTo(tally, outcome);
  return tally;
}

/** Tallies per group, largest group (by case count) first, ties by name. */
export function tallyBy(outcomes: readonly CaseOutcome[], keyOf: (c: ConformanceCase) => string): GroupTally[] {
  const groups = new Map<string, GroupTally>();
  for (const outcome of outcomes) {
    const name = keyOf(outcome.case);
    let group = groups.get(name);
    if (group === undefined) {
      group = { name, ...emptyTally() };
      groups.set(name, group);
    }
    addTo(group, outcome);
  }
  const size = (t: Tally): number => t.secretCases + t.cleanCases;
  return [...groups.values()].sort((a, b) => size(b) - size(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Recall as a fraction, or null when there are no secret cases. */
export function recallOf(tally: Tally): number | null {
  return tally.secretCases === 0 ? null : tally.detected / tally.secretCases;
}

/** False-positive rate as a fraction, or null when there are no clean cases. */
export function falsePositiveRateOf(tally: Tally): number | null {
  return tally.cleanCases === 0 ? null : tally.falsePositives / tally.cleanCases;
}
