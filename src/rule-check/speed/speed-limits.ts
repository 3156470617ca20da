/**
 * The two input sizes every shape is timed at: 16x apart, so that linear work grows 16x, quadratic
 * work 256x. 1 MiB is a realistic worst line (minified bundles, lock files, base64 blobs).
 */
export const SMALL_INPUT = 64 * 1024;
export const LARGE_INPUT = 1024 * 1024;
/**
 * A screening size between them: a shape goes on to LARGE_INPUT only when it grew more than
 * MEDIUM_GROWTH_LIMIT from SMALL_INPUT to here, which saves most of the large runs' time.
 */
export const MEDIUM_INPUT = 256 * 1024;

/**
 * Growth from SMALL_INPUT to LARGE_INPUT above which a rule is not linear: 64x is 4x the linear
 * 16x (room for cache effects and a noisy machine) and a quarter of the quadratic 256x.
 */
export const GROWTH_LIMIT = 64;

/** GROWTH_LIMIT's exponent (1.5) over MEDIUM_INPUT / SMALL_INPUT (4x): linear is 4x, quadratic 16x. */
export const MEDIUM_GROWTH_LIMIT = 8;

/**
 * A large run faster than this never fails a rule, whatever its growth: at this cost per MiB a
 * scan is fine, and below it a loaded 2-core machine decides the ratio. Measured there: one-rule
 * scans that take 1-2 ms on 64 KiB and 15-30 ms on 1 MiB idle took up to 100 ms on 1 MiB (the
 * fastest of three runs) while other processes held both cores.
 */
export const GROWTH_FLOOR_MS = 500;

/**
 * The bigger sizes are timed only when the small one took at least this long. Below it even
 * quadratic growth (256x) stays under GROWTH_FLOOR_MS, so the large run could not fail the rule;
 * skipping it keeps `rules check` fast on the many rules that reject every position at once.
 */
export const LARGE_RUN_FROM_MS = GROWTH_FLOOR_MS / 256;

/** Whether a shape that took `smallMs` and `mediumMs` must be timed at LARGE_INPUT too. */
export function needsLargeRun(smallMs: number, mediumMs: number): boolean {
  return mediumMs * (LARGE_INPUT / MEDIUM_INPUT) > GROWTH_FLOOR_MS && mediumMs > MEDIUM_GROWTH_LIMIT * smallMs;
}

/**
 * A run at SMALL_INPUT still going after this long is stopped (its worker terminated) and fails
 * the rule: it is catastrophic (nested quantifiers give up only after this), or quadratic. A rule
 * stopped at a bigger size is timed once more in a new worker before it fails, so that a stall of
 * the whole machine cannot fail it there, where a linear run may take a good part of the limit.
 */
export const HANG_MS = 2000;

/**
 * A run at MEDIUM_INPUT or LARGE_INPUT is stopped once it has taken MEDIUM_GROWTH_LIMIT or
 * GROWTH_LIMIT times the small run (it cannot be linear any more), but never before HANG_MS, and
 * always at this ceiling: a slow but linear rule gets the time it needs, and the check cannot stall.
 */
export const MAX_HANG_MS = 8000;

/** How long a run at `size` may go on before it is stopped; `smallMs` is given for the runs after the small one. */
export function hangLimitOf(size: number, smallMs: number | undefined): number {
  if (smallMs === undefined) return HANG_MS;
  const growth = size > MEDIUM_INPUT ? GROWTH_LIMIT : MEDIUM_GROWTH_LIMIT;
  return Math.round(Math.min(MAX_HANG_MS, Math.max(HANG_MS, growth * smallMs)));
}

/** Times a super-linear-looking shape is re-run at both sizes (keeping the fastest) before it counts. */
export const CONFIRM_RUNS = 3;

/** Whether a shape's times at SMALL_INPUT and LARGE_INPUT show clearly super-linear growth. */
export function isSuperLinear(smallMs: number, largeMs: number): boolean {
  return largeMs > GROWTH_FLOOR_MS && largeMs > GROWTH_LIMIT * Math.max(smallMs, 0.01);
}
