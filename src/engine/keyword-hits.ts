import type { Rule } from '../rules/index.js';
import { BASE64_TRIGGER_WORDS, base64Fragments } from './decoding/index.js';
import type { KeywordAutomaton } from './keyword-automaton.js';
import type { Chunk } from './types.js';
import { LINE_REACH, lineStartNear } from './windows.js';

// Keyword-hit collection: the one pass of the keyword automaton over a chunk (text or UTF-8
// bytes), turned into per-rule hits that decide which rules run their regex, and where.

/**
 * Keyword hits per rule. Sticky rules (`startsWithKeyword`) get every hit's start; the others one
 * `[lineStart, firstStart, lastEnd]` triple per line with hits, lines in order, so each line is
 * searched once however many keywords it holds. Rules whose keywords did not occur have no entry.
 */
export function collectHits(chunk: Pick<Chunk, 'text' | 'utf8'>, automaton: KeywordAutomaton, plan: HitPlan): Map<number, number[]> {
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
export interface HitPlan {
  keywordRules: number[][];
  keywordLengths: number[];
  isSticky: Uint8Array;
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
