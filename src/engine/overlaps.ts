import type { Severity } from '../findings/index.js';
import type { Rule } from '../rules/index.js';
import type { Match } from './match.js';

// Overlap resolution: what stays when several matches cover the same secret. Rule matching
// (match.ts) finds every accepted match; these steps keep one finding per secret.

const SEVERITY_ORDER: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

/**
 * How specific a rule is: a provider's own rule (2) beats a generic assignment rule or a rule tagged
 * `carrier` (1: it finds a credential by where it sits, an Authorization header, a URL's password,
 * a .netrc entry, not by its format), which beats
 * a catch-all (0, tagged `weak` or `fallback`): a weak-secret rule that reports whatever value a
 * secret-named variable holds, or a Kubernetes Secret's data value that no other rule recognised.
 */
function specificity(match: Match): number {
  return specificityOf(match.rule);
}

function specificityOf(rule: Rule): number {
  const { tags } = rule.spec;
  if (tags.includes('weak') || tags.includes('fallback')) return 0;
  return rule.provider.id === 'generic' || tags.includes('carrier') ? 1 : 2;
}

/**
 * Whether a rule knows its credential by the token's own format (a provider's rule), not by the
 * name it is assigned to, where it sits (`carrier`) or as a catch-all: only such rules can tell a
 * token in a file name, where there is no assignment around it.
 */
export function isProviderRule(rule: Rule): boolean {
  return specificityOf(rule) === 2 && rule.provider.id !== 'name-value' && rule.spec.decoder === undefined;
}

/** Index pairs of matches whose spans overlap, found in one sweep over the matches in start order. */
function overlappingPairs(matches: readonly Match[]): [number, number][] {
  const order = matches.map((_, i) => i).sort((a, b) => (matches[a] as Match).start - (matches[b] as Match).start);
  const pairs: [number, number][] = [];
  for (let x = 0; x < order.length; x++) {
    const i = order[x] as number;
    const end = (matches[i] as Match).end;
    for (let y = x + 1; y < order.length && (matches[order[y] as number] as Match).start < end; y++) pairs.push([i, order[y] as number]);
  }
  return pairs;
}

/**
 * Drops a match when a more specific rule matched an overlapping secret: `STRIPE_KEY=sk_live_…`
 * is one Stripe finding, not a Stripe finding plus a generic one, and a strong generic password is
 * not reported again as a weak one. Then two rules on exactly the same text (a Firebase and a Google
 * rule on one FCM key, a base64 PEM rule and the PEM found by decoding it) are one secret: the more
 * severe finding stays, then the decoded one (it names what the text holds), then the rule loaded
 * first. Last, a secret inside a larger one at least as severe (a password inside a connection
 * string) is part of that finding; a decoded match, though, spans the whole encoded text, so when a
 * rule matched inside it in the clear (a service-account rule on a JSON-escaped key) the decoded
 * match yields. Only overlapping pairs are compared, so a file with thousands of findings stays fast.
 */
export function preferSpecificMatches(matches: Match[]): Match[] {
  if (matches.length < 2) return matches;
  const pairs = overlappingPairs(matches);
  if (pairs.length === 0) return matches;
  const rank = matches.map(specificity);
  const at = (i: number): Match => matches[i] as Match;
  const isDropped = new Uint8Array(matches.length);
  // Each stage decides on the matches the stage before kept, so marks are collected, then applied.
  const stage = (decide: (a: number, b: number) => number | undefined): void => {
    const marks: number[] = [];
    for (const [a, b] of pairs) {
      if (isDropped[a] === 1 || isDropped[b] === 1) continue;
      const loser = decide(a, b);
      if (loser !== undefined) marks.push(loser);
    }
    for (const i of marks) isDropped[i] = 1;
  };
  stage((a, b) => (rank[a] === rank[b] ? undefined : (rank[a] as number) > (rank[b] as number) ? b : a));
  stage((a, b) => {
    const [ma, mb] = [at(a), at(b)];
    if (ma.start !== mb.start || ma.end !== mb.end) return undefined;
    const bySeverity = SEVERITY_ORDER[ma.severity] - SEVERITY_ORDER[mb.severity];
    if (bySeverity !== 0) return bySeverity > 0 ? b : a;
    const byDecoding = Number(ma.encoding !== undefined) - Number(mb.encoding !== undefined);
    if (byDecoding !== 0) return byDecoding > 0 ? b : a;
    return a < b ? b : a;
  });
  const isInside = (inner: Match, outer: Match): boolean => outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
  stage((a, b) => {
    const [ma, mb] = [at(a), at(b)];
    const [outer, inner] = isInside(mb, ma) ? [a, b] : isInside(ma, mb) ? [b, a] : [undefined, undefined];
    if (outer === undefined || inner === undefined) return undefined;
    const [mo, mi] = [at(outer), at(inner)];
    if (mo.encoding !== undefined && mi.encoding === undefined && rank[outer] === rank[inner]) return outer;
    return mo.secret.includes(mi.secret) && SEVERITY_ORDER[mo.severity] >= SEVERITY_ORDER[mi.severity] ? inner : undefined;
  });
  return matches.filter((_, i) => isDropped[i] === 0);
}

/**
 * One finding per secret per line: `PASSWORD: "PASSWORD"` or a value repeated in one line is one
 * place to fix. The most severe match stays, then the first on the line.
 */
export function oncePerLine(matches: Match[], lineOf: (offset: number) => number): Match[] {
  if (matches.length < 2) return matches;
  // Sorted by line and secret, equal pairs sit together: no key string or map entry per match
  // (a file can hold a million).
  const lines = Int32Array.from(matches, (m) => lineOf(m.start));
  const order = Uint32Array.from(matches.keys()).sort((a, b) => {
    const byLine = (lines[a] as number) - (lines[b] as number);
    if (byLine !== 0) return byLine;
    const [x, y] = [(matches[a] as Match).secret, (matches[b] as Match).secret];
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const isDropped = new Uint8Array(matches.length);
  let best = order[0] as number;
  for (let i = 1; i < order.length; i++) {
    const at = order[i] as number;
    if (lines[at] !== lines[best] || (matches[at] as Match).secret !== (matches[best] as Match).secret) {
      best = at;
      continue;
    }
    const [m, kept] = [matches[at] as Match, matches[best] as Match];
    const isBetter = SEVERITY_ORDER[m.severity] > SEVERITY_ORDER[kept.severity] || (m.severity === kept.severity && m.start < kept.start);
    isDropped[isBetter ? best : at] = 1;
    if (isBetter) best = at;
  }
  return isDropped.includes(1) ? matches.filter((_, i) => isDropped[i] === 0) : matches;
}
