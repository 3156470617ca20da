import type { Finding, SuppressedCounts } from '../findings/index.js';
import type { Rule } from '../rules/index.js';
import { buildKeywordAutomaton, type KeywordAutomaton } from './keyword-automaton.js';
import { buildLineIndex } from './line-index.js';
import { matchRule, preferSpecificMatches, type Match } from './match.js';
import { toFinding } from './to-finding.js';
import type { Chunk, MatcherOptions } from './types.js';
import { windowsAround } from './windows.js';

/** The marker that suppresses every finding on its line. */
export const INLINE_ALLOW_MARKER = 'secretscan:allow';

/** What one chunk produced. */
export interface ChunkScan {
  findings: Finding[];
  suppressed: SuppressedCounts;
}

/** Scans chunks with a fixed rule set; build once, reuse for every chunk. */
export interface Matcher {
  scanChunk: (chunk: Chunk) => ChunkScan;
}

/**
 * Keyword hits per rule, one `[lineStart, firstStart, lastEnd]` triple per line with hits (lines in
 * order): the matcher searches each such line once, however many keywords it holds. Rules whose
 * keywords did not occur have no entry.
 */
function collectHits(chunk: Chunk, automaton: KeywordAutomaton, keywordRules: number[][], keywordLengths: number[], ruleCount: number): Map<number, number[]> {
  const perRule: (number[] | undefined)[] = new Array<number[] | undefined>(ruleCount);
  const touched: number[] = [];
  const onHit = (keyword: number, end: number, lineStart: number): void => {
    const start = end - (keywordLengths[keyword] as number);
    for (const ruleIndex of keywordRules[keyword] as number[]) {
      const list = perRule[ruleIndex];
      if (list === undefined) {
        perRule[ruleIndex] = [lineStart, start, end];
        touched.push(ruleIndex);
      } else if (list[list.length - 3] === lineStart) {
        const at = list.length - 2;
        if (start < (list[at] as number)) list[at] = start;
        list[at + 1] = end;
      } else {
        list.push(lineStart, start, end);
      }
    }
  };
  if (chunk.asciiBytes === undefined) automaton.scan(chunk.text, onHit);
  else automaton.scanBytes(chunk.asciiBytes, onHit);
  return new Map(touched.map((ruleIndex) => [ruleIndex, perRule[ruleIndex] as number[]]));
}

/**
 * Builds the matcher: one keyword automaton for all rules, then per chunk only the rules whose
 * keywords occur run their regex, and only in windows around the keyword hits.
 */
export function createMatcher(rules: readonly Rule[], options: MatcherOptions = {}): Matcher {
  const keywords: string[] = [];
  const keywordRules: number[][] = [];
  const keywordIndex = new Map<string, number>();
  rules.forEach((rule, ruleIndex) => {
    for (const keyword of rule.keywords) {
      let index = keywordIndex.get(keyword);
      if (index === undefined) {
        index = keywords.push(keyword) - 1;
        keywordIndex.set(keyword, index);
        keywordRules.push([]);
      }
      (keywordRules[index] as number[]).push(ruleIndex);
    }
  });
  const automaton = buildKeywordAutomaton(keywords);
  const keywordLengths = keywords.map((k) => k.length);
  const suppression = options.suppression;
  const shouldReveal = options.shouldRevealSecrets === true;

  return {
    scanChunk(chunk) {
      const suppressed: SuppressedCounts = { inline: 0, allowlist: 0, paths: 0 };
      if (suppression?.isPathSuppressed(chunk.path) === true) return { findings: [], suppressed: { ...suppressed, paths: 1 } };
      const hits = collectHits(chunk, automaton, keywordRules, keywordLengths, rules.length);
      if (hits.size === 0) return { findings: [], suppressed };
      let matches: Match[] = [];
      for (const [ruleIndex, ruleHits] of hits) {
        const rule = rules[ruleIndex] as Rule;
        if (!rule.matchesPath(chunk.path)) continue;
        matches.push(...matchRule(rule, chunk.text, windowsAround(chunk.text, ruleHits, rule.spec.multiline === true)));
      }
      if (matches.length === 0) return { findings: [], suppressed };
      matches = preferSpecificMatches(matches);
      const lines = buildLineIndex(chunk.text);
      const kept = matches.filter((match) => {
        if (lines.textOf(lines.lineOf(match.start)).includes(INLINE_ALLOW_MARKER)) {
          suppressed.inline++;
          return false;
        }
        if (suppression?.isSuppressed({ ruleId: match.rule.spec.id, path: chunk.path, secret: match.secret }) === true) {
          suppressed.allowlist++;
          return false;
        }
        return true;
      });
      return { findings: kept.map((m) => toFinding(m, chunk, matches, lines, shouldReveal)), suppressed };
    },
  };
}
