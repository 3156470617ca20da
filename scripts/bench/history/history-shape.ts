import type { Signature } from '../fast-import-stream.js';
import type { Random } from '../prng.js';

// The fixed shape of a generated history: when branches fork and end, which merge back, where tags
// go, and who commits when. Times are fractions of the commit count, so the shape scales with it.

/** A side branch. Its commits only touch files under `dir`, so merging it never conflicts. */
export interface BranchShape {
  ref: string;
  /** Directory of the files the branch creates and edits. */
  dir: string;
  /** Fork and end as fractions of the history (0 to 1). */
  start: number;
  end: number;
  /** Merged into main at `end` with a merge commit; otherwise left as a stale branch. */
  isMerged: boolean;
}

/** A ref created on main's tip after the commit at fraction `at`. */
export interface RefShape {
  at: number;
  /** `tag` is annotated (a tag object); `ref` is a plain ref (a branch or a lightweight tag). */
  kind: 'tag' | 'ref';
  name: string;
}

export const BRANCHES: readonly BranchShape[] = [
  { ref: 'refs/heads/feature/parser-rewrite', dir: 'packages/parser-next', start: 0.2, end: 0.32, isMerged: true },
  { ref: 'refs/heads/feature/cache-layer', dir: 'packages/cache', start: 0.55, end: 0.63, isMerged: true },
  { ref: 'refs/heads/experiment/legacy-sync', dir: 'packages/legacy-sync', start: 0.7, end: 0.85, isMerged: false },
];

export const REFS: readonly RefShape[] = [
  { at: 0.25, kind: 'tag', name: 'v0.1.0' },
  { at: 0.5, kind: 'tag', name: 'v0.2.0' },
  { at: 0.5, kind: 'ref', name: 'refs/heads/release/0.2' },
  { at: 0.75, kind: 'tag', name: 'v0.3.0' },
  { at: 0.9, kind: 'ref', name: 'refs/tags/nightly' },
  { at: 1, kind: 'tag', name: 'v1.0.0' },
];

const PEOPLE: ReadonlyArray<{ name: string; email: string }> = [
  { name: 'Ada Bench', email: 'ada@example.invalid' },
  { name: 'Brook Bench', email: 'brook@example.invalid' },
  { name: 'Cyd Bench', email: 'cyd@example.invalid' },
  { name: 'Dee Bench', email: 'dee@example.invalid' },
];

/** 2020-01-01T00:00:00Z in seconds. */
const START_TIME = 1_577_836_800;

/** The slot (0-based commit index) of a fraction of a history of `commitCount` commits. */
export function slotOf(fraction: number, commitCount: number): number {
  return Math.round(fraction * (commitCount - 1));
}

/**
 * A fixed person committing in hour `slot` after START_TIME, at most 50 minutes in, so times
 * strictly increase with the slot and a tag made a minute later still comes before the next one.
 */
export function signatureAt(r: Random, slot: number): Signature {
  return { ...r.pick(PEOPLE), time: START_TIME + slot * 3600 + r.int(0, 3000) };
}
