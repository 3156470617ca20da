/** Min, median and max of a sample. */
export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** The spread of a non-empty sample; the median of an even count is the mean of the middle two. */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('spreadOf needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { min: sorted[0] as number, median, max: sorted[sorted.length - 1] as number };
}

/**
 * The `p`-th percentile (0 to 100) of a non-empty sample, interpolated linearly between the two
 * nearest ranks (numpy's default), so the 50th is the median and the 0th and 100th are min and max.
 */
export function percentileOf(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentileOf needs at least one value');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is not between 0 and 100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = sorted[Math.floor(rank)] as number;
  const above = sorted[Math.ceil(rank)] as number;
  return below + (above - below) * (rank - Math.floor(rank));
}
