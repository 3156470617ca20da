import type { Severity } from '../findings/index.js';
import type { Rule } from '../rules/index.js';
import type { Encoding, SecretDataEntry } from './decoding/index.js';
import { shannonEntropy } from './entropy.js';
import { isFillerKeyBody, isFillerText, isKeyBlock } from './key-block.js';
import { isDocument, isFieldWordValue, isPlaceholder } from './placeholders.js';
import { VALIDATORS } from '../validators/index.js';
import type { Window } from './windows.js';

/**
 * A rule's hit inside one chunk, before suppression. Internal to the engine and the only type
 * that holds a raw secret; it is turned into a redacted Finding before leaving `scanChunk`.
 */
export interface Match {
  rule: Rule;
  /** Offsets of the secret in the chunk text, end exclusive. */
  start: number;
  end: number;
  secret: string;
  severity: Severity;
  entropy: number;
  /** Set when the secret was found in decoded text; `start`/`end` are then the encoded span. */
  encoding?: Encoding;
}

/**
 * Key blocks and generated values are judged by their shape, a whole document (decoded JSON, a
 * multi-line file) only by being nearly empty, anything else by placeholder words.
 */
function isStandIn(rule: Rule, secret: string): boolean {
  if (isKeyBlock(secret)) return isFillerKeyBody(secret);
  if (rule.spec.tags.includes('generated-value')) return isFillerText(secret);
  if (isDocument(secret)) return shannonEntropy(secret) < 3;
  return isPlaceholder(secret);
}

/**
 * Applies the rule's own filters in order: entropy, validators, placeholder. A whole key block, or
 * the value of a rule tagged `generated-value` (a format that is random by construction, such as
 * WordPress salts or Django keys), is judged by its shape (filler or not), never by placeholder
 * words that random text can contain (`xxxx`, `%s`, `...`). In a rule tagged `credential-slot`, a
 * value that is its field's own word (`Password=myPassword`) is kept at low severity.
 */
function acceptSecret(rule: Rule, secret: string, base: Severity): { severity: Severity; entropy: number } | undefined {
  const entropy = shannonEntropy(secret);
  if (rule.spec.entropy !== undefined && entropy < rule.spec.entropy) return undefined;
  let severity = base;
  for (const name of rule.spec.validators ?? []) {
    const verdict = VALIDATORS[name]?.(secret);
    if (verdict === undefined || !verdict.isValid) return undefined;
    if (verdict.severity !== undefined) severity = verdict.severity;
  }
  // A field's own word in a slot that only holds credentials is a default credential: low, not dropped.
  if (isFieldWordValue(secret) && rule.spec.tags.includes('credential-slot')) return { severity: 'low', entropy };
  if (isStandIn(rule, secret)) return undefined;
  return { severity, entropy };
}

/** Turns one regex match into an accepted Match, or undefined (no secret, or filtered out). */
function acceptMatch(rule: Rule, m: RegExpExecArray, offset: number, seen: Set<number>, base: Severity): Match | undefined {
  const span = m.indices?.groups?.secret ?? m.indices?.[0];
  const secret = m.groups?.secret ?? m[0];
  if (span === undefined || secret.length === 0) return undefined;
  const start = offset + span[0];
  if (seen.has(start)) return undefined;
  seen.add(start);
  const accepted = acceptSecret(rule, secret, base);
  return accepted === undefined ? undefined : { rule, start, end: offset + span[1], secret, ...accepted };
}

/** Tries a `startsWithKeyword` rule once at each keyword hit (sticky), on the whole text. */
export function matchRuleAtHits(rule: Rule, text: string, hitStarts: readonly number[], base: Severity = rule.spec.severity): Match[] {
  const regex = rule.stickyRegex as RegExp;
  const probe = rule.stickyProbe as RegExp;
  const matches: Match[] = [];
  const seen = new Set<number>();
  for (const start of hitStarts) {
    // Most hits fail; a plain test() allocates nothing, unlike exec() with match indices.
    probe.lastIndex = start;
    if (!probe.test(text)) continue;
    regex.lastIndex = start;
    const m = regex.exec(text);
    const match = m === null ? undefined : acceptMatch(rule, m, 0, seen, base);
    if (match !== undefined) matches.push(match);
  }
  return matches;
}

/** Runs one rule's regex over its windows and returns accepted matches, one per secret position. */
export function matchRule(rule: Rule, text: string, windows: readonly Window[], base: Severity = rule.spec.severity): Match[] {
  const matches: Match[] = [];
  const seen = new Set<number>();
  const { regex } = rule;
  for (const window of windows) {
    const slice = text.slice(window.start, window.end);
    regex.lastIndex = 0;
    for (let m = regex.exec(slice); m !== null; m = regex.exec(slice)) {
      if (m[0].length === 0) regex.lastIndex++;
      const match = acceptMatch(rule, m, window.start, seen, base);
      if (match !== undefined) matches.push(match);
    }
  }
  return matches;
}

/**
 * Runs a `decoder: kubernetes-secret` rule: its pattern sees each `data:` entry of a Kubernetes
 * Secret manifest as `key: decoded value`, and a match is reported on the encoded value.
 */
export function matchKubernetesSecret(rule: Rule, entries: readonly SecretDataEntry[], base: Severity): Match[] {
  const matches: Match[] = [];
  for (const entry of entries) {
    const prefix = `${entry.key}: `;
    const rendered = prefix + entry.decoded;
    rule.regex.lastIndex = 0;
    const m = rule.regex.exec(rendered);
    const span = m?.indices?.groups?.secret ?? m?.indices?.[0];
    if (m === null || span === undefined || span[0] < prefix.length) continue;
    const secret = m.groups?.secret ?? m[0];
    const accepted = secret.length === 0 ? undefined : acceptSecret(rule, secret, base);
    if (accepted !== undefined) matches.push({ rule, start: entry.start, end: entry.end, secret, ...accepted, encoding: 'base64' });
  }
  return matches;
}

/**
 * How specific a rule is: a provider's own rule (2) beats a generic assignment rule or a rule tagged
 * `carrier` (1: it finds a credential by where it sits, an Authorization header, a URL's password,
 * a .netrc entry, not by its format), which beats
 * a catch-all (0, tagged `weak` or `fallback`): a weak-secret rule that reports whatever value a
 * secret-named variable holds, or a Kubernetes Secret's data value that no other rule recognised.
 */
function specificity(match: Match): number {
  const { tags } = match.rule.spec;
  if (tags.includes('weak') || tags.includes('fallback')) return 0;
  return match.rule.provider.id === 'generic' || tags.includes('carrier') ? 1 : 2;
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

const SEVERITY_ORDER: Record<Severity, number> = { low: 0, medium: 1, high: 2 };
