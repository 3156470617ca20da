import { redact } from '../../src/findings/index.js';
import { falsePositiveRateOf, recallOf, tallyBy, tallyOf, type CaseOutcome, type GroupTally, type Tally } from './score.js';

/** A secret case with no finding on its secret. */
export interface Miss {
  id: string;
  provider: string;
  /** Redacted form of the expected secret (at most 4 leading characters and the length); null when unknown. */
  preview: string | null;
}

/** A clean case that produced findings. */
export interface FalsePositive {
  id: string;
  provider: string;
  ruleIds: string[];
}

/** A tally with its rates (fractions in [0, 1], null when the group has no such cases). */
export type RatedTally = Tally & { recall: number | null; falsePositiveRate: number | null };

/** Everything a conformance report shows. Holds no raw case text or secret. */
export interface ConformanceSummary {
  cases: number;
  rules: number;
  overall: RatedTally;
  bySource: Array<RatedTally & { name: string }>;
  byProvider: Array<RatedTally & { name: string }>;
  misses: Miss[];
  falsePositives: FalsePositive[];
  /** Cases on which the scanner threw: id and the error's first line. */
  errors: Array<{ id: string; message: string }>;
}

function rated<T extends Tally>(tally: T): T & { recall: number | null; falsePositiveRate: number | null } {
  return { ...tally, recall: recallOf(tally), falsePositiveRate: falsePositiveRateOf(tally) };
}

/** Builds the summary from per-case outcomes; lists keep the corpus order. */
export function summarize(outcomes: readonly CaseOutcome[], ruleCount: number): ConformanceSummary {
  const misses: Miss[] = [];
  const falsePositives: FalsePositive[] = [];
  const errors: ConformanceSummary['errors'] = [];
  for (const outcome of outcomes) {
    const { id, provider, expect, secret } = outcome.case;
    if (outcome.error !== undefined) errors.push({ id, message: outcome.error });
    if (expect === 'secret' && !outcome.isFlagged) misses.push({ id, provider, preview: secret === null ? null : redact(secret) });
    if (expect === 'clean' && outcome.isFlagged) falsePositives.push({ id, provider, ruleIds: outcome.ruleIds });
  }
  return {
    cases: outcomes.length,
    rules: ruleCount,
    overall: rated(tallyOf(outcomes)),
    bySource: tallyBy(outcomes, (c) => c.source).map((g: GroupTally) => rated(g)),
    byProvider: tallyBy(outcomes, (c) => c.provider).map((g: GroupTally) => rated(g)),
    misses,
    falsePositives,
    errors,
  };
}
