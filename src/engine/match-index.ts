import type { Rule } from '../rules/index.js';
import type { Match } from './match.js';

/**
 * Appends `items` to `target` in place. `target.push(...items)` passes every item as an argument
 * and overflows the stack past about 100,000 of them, which one file of findings can reach.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Matches grouped by rule and secret: is this secret of this rule already matched over a span? */
export class MatchesBySecret {
  private readonly byKey = new Map<Rule, Map<string, Match[]>>();

  constructor(matches: readonly Match[]) {
    for (const match of matches) this.add(match);
  }

  add(match: Match): void {
    let bySecret = this.byKey.get(match.rule);
    if (bySecret === undefined) this.byKey.set(match.rule, (bySecret = new Map()));
    const list = bySecret.get(match.secret);
    if (list === undefined) bySecret.set(match.secret, [match]);
    else list.push(match);
  }

  /** Whether a match of `found`'s rule and secret overlaps [start, end). */
  hasOverlapping(found: Match, start: number, end: number): boolean {
    return (this.byKey.get(found.rule)?.get(found.secret) ?? []).some((m) => m.start < end && start < m.end);
  }
}

interface SortedSpans {
  starts: number[];
  /** maxEnds[i]: the largest end among the first i + 1 spans by start. */
  maxEnds: number[];
}

/** Spans grouped by rule and sorted, answering "does a span of this rule overlap?" in log time. */
export class SpansByRule {
  private readonly byRule = new Map<Rule, SortedSpans>();

  constructor(matches: readonly Match[]) {
    const grouped = new Map<Rule, Match[]>();
    for (const m of matches) {
      const list = grouped.get(m.rule);
      if (list === undefined) grouped.set(m.rule, [m]);
      else list.push(m);
    }
    for (const [rule, list] of grouped) {
      list.sort((a, b) => a.start - b.start);
      const maxEnds: number[] = [];
      let maxEnd = Number.NEGATIVE_INFINITY;
      for (const m of list) maxEnds.push((maxEnd = Math.max(maxEnd, m.end)));
      this.byRule.set(rule, { starts: list.map((m) => m.start), maxEnds });
    }
  }

  /** Whether a span of `m`'s rule overlaps `m`. */
  overlaps(m: Match): boolean {
    const spans = this.byRule.get(m.rule);
    if (spans === undefined) return false;
    // The last span starting before m ends: some span up to it overlaps iff their largest end passes m.start.
    let low = 0;
    let high = spans.starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((spans.starts[mid] as number) < m.end) low = mid + 1;
      else high = mid;
    }
    return low > 0 && (spans.maxEnds[low - 1] as number) > m.start;
  }
}
