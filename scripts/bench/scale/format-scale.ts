import { formatColumns } from '../../format-columns.js';
import { spreadOf } from '../stats.js';

/** The timed scans of the corpus with one rule set. */
export interface ScaleVariant {
  name: string;
  ruleCount: number;
  /** Wall time of each timed scan of the whole corpus, ms. */
  samples: number[];
  findings: number;
}

/** Throughput all/seed at or above this passes: all rules may cost at most twice the seed rules. */
export const SCALE_TARGET = 0.5;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;

/** Median throughput of a variant in MB/s over `bytes`. */
export function throughputOf(variant: Pick<ScaleVariant, 'samples'>, bytes: number): number {
  return bytes / 1e6 / (spreadOf(variant.samples).median / 1000);
}

/** The timing table and the throughput ratio all/seed against SCALE_TARGET. */
export function formatScale(all: ScaleVariant, seed: ScaleVariant, bytes: number): string[] {
  const header = ['rules', 'count', 'min', 'median', 'max', 'MB/s (median)', 'findings'];
  const rows = [all, seed].map((v) => {
    const wall = spreadOf(v.samples);
    return [v.name, String(v.ruleCount), seconds(wall.min), seconds(wall.median), seconds(wall.max), throughputOf(v, bytes).toFixed(1), String(v.findings)];
  });
  const ratio = throughputOf(all, bytes) / throughputOf(seed, bytes);
  const verdict = ratio >= SCALE_TARGET ? 'PASS' : 'FAIL';
  return [...formatColumns([header, ...rows], 'lr'), '', `throughput all / seed, ratio of medians: ${ratio.toFixed(2)} (target >= ${SCALE_TARGET}): ${verdict}`];
}
