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
