import type { Finding, SuppressedCounts } from '../findings/index.js';
import type { Rule } from '../rules/index.js';
import { BASE64_TRIGGER_WORDS, base64Fragments, encodedSpans, MAX_DECODE_DEPTH, secretManifestEntries, type EncodedSpan } from './decoding/index.js';
import { buildKeywordAutomaton, type KeywordAutomaton } from './keyword-automaton.js';
import { buildLineIndex } from './line-index.js';
import { matchKubernetesSecret, matchRule, matchRuleAtHits, preferSpecificMatches, type Match } from './match.js';
import { contextIndex, toFinding } from './to-finding.js';
import { appendAll, MatchesBySecret, SpansByRule } from './match-index.js';
import type { Chunk, MatcherOptions } from './types.js';
import { isNotCredentialInContext } from './value-context.js';
import { LINE_REACH, lineStartNear, windowsAround } from './windows.js';

/**
 * Generic rules know a credential only by the name it is assigned to, so their values are also
 * judged by the text around them (value-context.ts); a provider's rule knows its token's format.
 */
function isJudgedByContext(rule: Rule): boolean {
  return NAME_BASED_PROVIDERS.has(rule.provider.id) || rule.spec.tags.includes('weak') || rule.spec.tags.includes('fallback');
}

/** Packs whose rules find a credential by the name it is assigned to (`name: X_TOKEN` / `value: …` entries included). */
const NAME_BASED_PROVIDERS = new Set(['generic', 'name-value']);

const SEVERITY_RANK = { low: 0, medium: 1, high: 2 } as const;

/**
 * One finding per secret per line: `PASSWORD: "PASSWORD"` or a value repeated in one line is one
 * place to fix. The most severe match stays, then the first on the line.
 */
function oncePerLine(matches: Match[], lineOf: (offset: number) => number): Match[] {
  if (matches.length < 2) return matches;
  const best = new Map<string, Match>();
  for (const m of matches) {
    const key = `${lineOf(m.start)}\0${m.secret}`;
    const kept = best.get(key);
    const isBetter = kept === undefined || SEVERITY_RANK[m.severity] > SEVERITY_RANK[kept.severity] || (m.severity === kept.severity && m.start < kept.start);
    if (isBetter) best.set(key, m);
  }
  return best.size === matches.length ? matches : matches.filter((m) => best.get(`${lineOf(m.start)}\0${m.secret}`) === m);
}

/** The marker that suppresses every finding on its line. */
export const INLINE_ALLOW_MARKER = 'secretscan:allow';

/** What one chunk produced. */
export interface ChunkScan {
  findings: Finding[];
  suppressed: SuppressedCounts;
  /**
   * With `shouldKeepValues`, the raw value of each finding, in the same order: the scan looks for
   * every other copy of a found value afterwards (see value-sweep.ts), then lets them go. Never reported.
   */
  secrets?: string[];
}

/** Scans chunks with a fixed rule set; build once, reuse for every chunk. */
export interface Matcher {
  scanChunk: (chunk: Chunk) => ChunkScan;
  /** True when the keyword automaton came from `prebuiltAutomaton`, false when it was built. */
  usesPrebuiltAutomaton: boolean;
}

/**
 * Keyword hits per rule. Sticky rules (`startsWithKeyword`) get every hit's start; the others one
 * `[lineStart, firstStart, lastEnd]` triple per line with hits, lines in order, so each line is
 * searched once however many keywords it holds. Rules whose keywords did not occur have no entry.
 */
function collectHits(chunk: Pick<Chunk, 'text' | 'utf8'>, automaton: KeywordAutomaton, plan: HitPlan): Map<number, number[]> {
  const perRule: (number[] | undefined)[] = new Array<number[] | undefined>(plan.isSticky.length);
  const touched: number[] = [];
  const { text } = chunk;
  // The line start of the previous hit: a later hit on the same line reuses it after checking only
  // the gap between the two for a line break (a 50 MB line holds hundreds of thousands of hits).
  let knownAt = -1;
  let knownLineStart = 0;
  const lineStartOf = (start: number): number => {
    if (knownAt === -1 || start < knownAt) {
      knownLineStart = lineStartNear(text, start);
    } else {
      let gapBreak = -1;
      for (let at = start - 1; at >= knownAt; at--) {
        if (text.charCodeAt(at) === 10) {
          gapBreak = at;
          break;
        }
      }
      knownLineStart = gapBreak !== -1 ? gapBreak + 1 : Math.max(knownLineStart, start - LINE_REACH);
    }
    knownAt = start;
    return knownLineStart;
  };
  const onHit = (keyword: number, end: number): void => {
    const start = end - (plan.keywordLengths[keyword] as number);
    let lineStart = -1;
    for (const ruleIndex of plan.keywordRules[keyword] as number[]) {
      let list = perRule[ruleIndex];
      if (list === undefined) {
        perRule[ruleIndex] = list = [];
        touched.push(ruleIndex);
      }
      if (plan.isSticky[ruleIndex] === 1) {
        // "pass" and "password" hit at the same start: try the rule there once.
        if (list[list.length - 1] !== start) list.push(start);
        continue;
      }
      if (lineStart === -1) lineStart = lineStartOf(start);
      if (list.length > 0 && list[list.length - 3] === lineStart) {
        const at = list.length - 2;
        if (start < (list[at] as number)) list[at] = start;
        list[at + 1] = end;
      } else {
        list.push(lineStart, start, end);
      }
    }
  };
  if (chunk.utf8 === undefined) automaton.scan(text, onHit);
  else if (chunk.utf8.isAscii) automaton.scanBytes(chunk.utf8.bytes, onHit);
  else automaton.scanBytes(chunk.utf8.bytes, byteToCharHits(chunk.utf8.bytes, onHit));
  return new Map(touched.map((ruleIndex) => [ruleIndex, perRule[ruleIndex] as number[]]));
}

/**
 * Wraps a hit handler so that byte offsets in valid UTF-8 become UTF-16 offsets in the decoded
 * text. Hits arrive in order, so one forward walk over the bytes serves them all: every byte that
 * starts a character counts one unit, and a four-byte character two (a surrogate pair). The walk
 * takes four ASCII bytes at a time where it can: most text in a non-ASCII file is still ASCII.
 */
function byteToCharHits(bytes: Uint8Array, onHit: (keyword: number, end: number) => void): (keyword: number, end: number) => void {
  const alignedFrom = Math.min(bytes.length, (4 - (bytes.byteOffset % 4)) % 4);
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + alignedFrom, Math.floor((bytes.length - alignedFrom) / 4));
  let byte = 0;
  let char = 0;
  const step = (): void => {
    const b = bytes[byte] as number;
    if ((b & 0xc0) !== 0x80) char += b >= 0xf0 ? 2 : 1;
    byte++;
  };
  return (keyword, end) => {
    while (byte < end) {
      const word = (byte - alignedFrom) / 4;
      if (byte >= alignedFrom && Number.isInteger(word) && byte + 4 <= end && word < words.length && ((words[word] as number) & 0x80808080) === 0) {
        byte += 4;
        char += 4;
      } else {
        step();
      }
    }
    onHit(keyword, char);
  };
}

/** Which rules each keyword feeds, keyword lengths, and which rules are sticky. */
interface HitPlan {
  keywordRules: number[][];
  keywordLengths: number[];
  isSticky: Uint8Array;
}

/**
 * Builds the matcher: one keyword automaton for all rules, then per chunk only the rules whose
 * keywords occur run their regex, and only in windows around the keyword hits.
 */
export function createMatcher(rules: readonly Rule[], options: MatcherOptions = {}): Matcher {
  const { keywords, keywordRules, base64Trigger } = keywordPlan(rules);
  const automaton = buildKeywordAutomaton(keywords, options.prebuiltAutomaton);
  const plan: HitPlan = {
    keywordRules,
    keywordLengths: keywords.map((k) => k.length),
    isSticky: Uint8Array.from([...rules.map((rule) => (rule.stickyRegex === undefined ? 0 : 1)), 1]),
  };
  return matcherOver(rules, automaton, plan, base64Trigger, options);
}

/**
 * The automaton's keywords for `rules` (every rule keyword once, then the encoded forms of the
 * base64 trigger words) and the rules each feeds; `base64Trigger` is the pseudo-rule index that
 * collects the encoded trigger words' hits. The build step calls it too, to store the tables.
 */
export function keywordPlan(rules: readonly Rule[]): { keywords: string[]; keywordRules: number[][]; base64Trigger: number } {
  const keywords: string[] = [];
  const keywordRules: number[][] = [];
  const keywordIndex = new Map<string, number>();
  const addKeyword = (keyword: string, ruleIndex: number): void => {
    let index = keywordIndex.get(keyword);
    if (index === undefined) {
      index = keywords.push(keyword) - 1;
      keywordIndex.set(keyword, index);
      keywordRules.push([]);
    }
    const targets = keywordRules[index] as number[];
    if (!targets.includes(ruleIndex)) targets.push(ruleIndex);
  };
  rules.forEach((rule, ruleIndex) => {
    for (const keyword of rule.keywords) addKeyword(keyword, ruleIndex);
  });
  // One pseudo-rule after the real ones collects hits on base64-encoded trigger words: the
  // automaton finds encoded secrets-to-be in the same pass as the keywords.
  const base64Trigger = rules.length;
  for (const word of BASE64_TRIGGER_WORDS) for (const fragment of base64Fragments(word)) addKeyword(fragment.toLowerCase(), base64Trigger);
  return { keywords, keywordRules, base64Trigger };
}

function matcherOver(rules: readonly Rule[], automaton: KeywordAutomaton, plan: HitPlan, base64Trigger: number, options: MatcherOptions): Matcher {
  const suppression = options.suppression;
  const shouldReveal = options.shouldRevealSecrets === true;

  /** Every rule's matches in `text`, then those in the text it encodes, placed on the encoded spans. */
  const matchText = (text: string, path: string, hits: Map<number, number[]>, depth: number): Match[] => {
    const matches: Match[] = [];
    const keywordHits: number[] = [];
    const manifestSpans: EncodedSpan[] = [];
    // JSON strings with escapes and %-encoded tokens are looked for around keyword hits, only in
    // text that has a backslash or a percent sign at all.
    const wantsEscapes = depth < MAX_DECODE_DEPTH && (text.includes('\\') || text.includes('%'));
    for (const [ruleIndex, ruleHits] of hits) {
      if (ruleIndex === base64Trigger) continue;
      const rule = rules[ruleIndex] as Rule;
      if (wantsEscapes) {
        // A loop, not push(...hits): a 50 MB line can hold more hits than a call has arguments.
        if (rule.stickyRegex === undefined) for (let i = 1; i < ruleHits.length; i += 3) keywordHits.push(ruleHits[i] as number);
        else for (const at of ruleHits) keywordHits.push(at);
      }
      if (!rule.matchesPath(path)) continue;
      const base = rule.severityFor?.(path) ?? rule.spec.severity;
      if (rule.spec.decoder === 'kubernetes-secret') {
        const entries = secretManifestEntries(text);
        appendAll(matches, matchKubernetesSecret(rule, entries, base));
        // Decoded values are scanned again as `key: value`, so the key names the value for the
        // assignment rules and a provider's token is found by its own rule.
        if (depth < MAX_DECODE_DEPTH)
          appendAll(
            manifestSpans,
            entries.map((e) => ({ start: e.start, end: e.end, decoded: `${e.key}: ${e.decoded}`, encoding: 'base64' as const })),
          );
      } else {
        const found = rule.stickyRegex === undefined ? matchRule(rule, text, windowsAround(text, ruleHits, rule.spec.multiline === true), base) : matchRuleAtHits(rule, text, ruleHits, base);
        for (const m of found) if (!isJudgedByContext(rule) || !isNotCredentialInContext(text, m.start, m.end, path)) matches.push(m);
      }
    }
    if (depth >= MAX_DECODE_DEPTH) return matches;
    const base64Hits = hits.get(base64Trigger) ?? [];
    // keywordHits is empty unless the text has a backslash or a percent sign (wantsEscapes).
    if (base64Hits.length === 0 && keywordHits.length === 0 && manifestSpans.length === 0) return matches;
    const decoded: Match[] = [];
    // Matches by rule and secret, so that finding the same one again costs a lookup, not a pass
    // over every match of the chunk (a file can hold a million).
    const seen = new MatchesBySecret(matches);
    for (const span of [...manifestSpans, ...encodedSpans(text, base64Hits, keywordHits)]) {
      const inner = collectHits({ text: span.decoded }, automaton, plan);
      if (inner.size === 0) continue;
      for (const found of matchText(span.decoded, path, inner, depth + 1)) {
        // The same secret already matched in the clear on this span (a PEM block inside a JSON
        // string) is one finding, not two; so is a value two decoders both read.
        if (seen.hasOverlapping(found, span.start, span.end)) continue;
        const placed = { ...found, start: span.start, end: span.end, encoding: found.encoding ?? span.encoding };
        decoded.push(placed);
        seen.add(placed);
      }
    }
    if (decoded.length === 0) return matches;
    // A rule that matched the encoded text itself (a base64 value taken for a password) yields to
    // its own match on what the text decodes to.
    const shadows = new SpansByRule(decoded);
    const kept = matches.filter((m) => m.encoding !== undefined || !shadows.overlaps(m));
    appendAll(kept, decoded);
    return kept;
  };

  return {
    usesPrebuiltAutomaton: automaton.isPrebuilt,
    scanChunk(chunk) {
      const suppressed: SuppressedCounts = { inline: 0, allowlist: 0, paths: 0 };
      if (suppression?.isPathSuppressed(chunk.path) === true) return { findings: [], suppressed: { ...suppressed, paths: 1 } };
      const hits = collectHits(chunk, automaton, plan);
      if (hits.size === 0) return { findings: [], suppressed };
      let matches = matchText(chunk.text, chunk.path, hits, 0);
      if (matches.length === 0) return { findings: [], suppressed };
      matches = preferSpecificMatches(matches);
      const lines = buildLineIndex(chunk.text);
      const allowedLines = new Map<number, boolean>();
      const isAllowedLine = (line: number): boolean => {
        let allowed = allowedLines.get(line);
        if (allowed === undefined) allowedLines.set(line, (allowed = lines.textOf(line).includes(INLINE_ALLOW_MARKER)));
        return allowed;
      };
      const kept = matches.filter((match) => {
        if (isAllowedLine(lines.lineOf(match.start))) {
          suppressed.inline++;
          return false;
        }
        if (suppression?.isSuppressed({ ruleId: match.rule.spec.id, path: chunk.path, secret: match.secret }) === true) {
          suppressed.allowlist++;
          return false;
        }
        return true;
      });
      const index = contextIndex(matches, lines);
      const once = oncePerLine(kept, lines.lineOf);
      const findings = once.map((m) => toFinding(m, chunk, index, shouldReveal));
      return options.shouldKeepValues === true ? { findings, suppressed, secrets: once.map((m) => m.secret) } : { findings, suppressed };
    },
  };
}
