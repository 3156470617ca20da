import type { Finding, SeverityCounts, SuppressedCounts } from '../findings/index.js';
import type { Rule } from '../rules/index.js';
import { hasInlineAllowMarker, matchSuppressor } from '../suppress/index.js';
import { encodedSpans, MAX_DECODE_DEPTH, secretManifestEntries, type EncodedSpan } from './decoding/index.js';
import { buildKeywordAutomaton, type KeywordAutomaton } from './keyword-automaton.js';
import { collectHits, type HitPlan, keywordPlan } from './keyword-hits.js';
import { buildLineIndex } from './line-index.js';
import { matchKubernetesSecret, matchRule, matchRuleAtHits, type Match } from './match.js';
import { oncePerLine, preferSpecificMatches } from './overlaps.js';
import { contextIndex, toFinding } from './to-finding.js';
import { appendAll, MatchesBySecret, SpansByRule } from './match-index.js';
import type { Chunk, MatcherOptions } from './types.js';
import { isNotCredentialInContext } from './value-context.js';
import { windowsAround } from './windows.js';

/**
 * Generic rules know a credential only by the name it is assigned to, so their values are also
 * judged by the text around them (value-context.ts); a provider's rule knows its token's format.
 */
function isJudgedByContext(rule: Rule): boolean {
  return NAME_BASED_PROVIDERS.has(rule.provider.id) || rule.spec.tags.includes('weak') || rule.spec.tags.includes('fallback');
}

/** Packs whose rules find a credential by the name it is assigned to (`name: X_TOKEN` / `value: …` entries included). */
const NAME_BASED_PROVIDERS = new Set(['generic', 'name-value']);

/** What one chunk produced. */
export interface ChunkScan {
  findings: Finding[];
  suppressed: SuppressedCounts;
  /**
   * With `shouldKeepValues`, the raw value of each finding, in the same order: the scan looks for
   * every other copy of a found value afterwards (see value-sweep.ts), then lets them go. Never reported.
   */
  secrets?: string[];
  /** Findings past `maxFindings`, counted by severity only. */
  unlisted?: SeverityCounts;
}

/** Position order, then rule id: which findings of a chunk are built in detail when there are too many. */
function compareMatches(a: Match, b: Match): number {
  return a.start - b.start || a.end - b.end || (a.rule.spec.id < b.rule.spec.id ? -1 : a.rule.spec.id > b.rule.spec.id ? 1 : 0);
}

/** The first `limit` matches by position, and the rest counted by severity (undefined when none is left over). */
function splitAtLimit(matches: Match[], limit: number): { detailed: Match[]; unlisted: SeverityCounts | undefined } {
  if (matches.length <= limit) return { detailed: matches, unlisted: undefined };
  matches.sort(compareMatches);
  const unlisted: SeverityCounts = { high: 0, medium: 0, low: 0 };
  for (let i = limit; i < matches.length; i++) unlisted[(matches[i] as Match).severity]++;
  return { detailed: matches.slice(0, limit), unlisted };
}

/** Scans chunks with a fixed rule set; build once, reuse for every chunk. */
export interface Matcher {
  scanChunk: (chunk: Chunk) => ChunkScan;
  /** True when the keyword automaton came from `prebuiltAutomaton`, false when it was built. */
  usesPrebuiltAutomaton: boolean;
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

function matcherOver(rules: readonly Rule[], automaton: KeywordAutomaton, plan: HitPlan, base64Trigger: number, options: MatcherOptions): Matcher {
  const suppression = options.suppression;
  const suppressMatch = matchSuppressor(suppression);
  const shouldReveal = options.shouldRevealSecrets === true;
  const limit = options.maxFindings ?? Number.POSITIVE_INFINITY;

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
      // Most chunks have no marker at all: then no line is looked at.
      const hasMarker = hasInlineAllowMarker(chunk.text);
      const isAllowedLine = (line: number): boolean => {
        if (!hasMarker) return false;
        let allowed = allowedLines.get(line);
        if (allowed === undefined) allowedLines.set(line, (allowed = hasInlineAllowMarker(lines.textOf(line))));
        return allowed;
      };
      const kept = matches.filter((match) => {
        const counter = suppressMatch({
          candidate: () => ({ ruleId: match.rule.spec.id, path: chunk.path, secret: match.secret }),
          isOnMarkedLine: () => isAllowedLine(lines.lineOf(match.start)),
        });
        if (counter === undefined) return true;
        suppressed[counter]++;
        return false;
      });
      const { detailed, unlisted } = splitAtLimit(oncePerLine(kept, lines.lineOf), limit);
      const index = contextIndex(matches, lines);
      const findings = detailed.map((m) => toFinding(m, chunk, index, shouldReveal));
      const scan: ChunkScan = unlisted === undefined ? { findings, suppressed } : { findings, suppressed, unlisted };
      if (options.shouldKeepValues === true) scan.secrets = detailed.map((m) => m.secret);
      return scan;
    },
  };
}
