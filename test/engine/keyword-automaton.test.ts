import { describe, expect, it } from 'vitest';
import { buildKeywordAutomaton } from '../../src/engine/keyword-automaton.js';

function hits(keywords: string[], text: string): [string, number][] {
  const found: [string, number][] = [];
  buildKeywordAutomaton(keywords).scan(text, (k, end) => found.push([keywords[k] as string, end]));
  return found;
}

describe('buildKeywordAutomaton', () => {
  it('finds overlapping and nested keywords in one pass', () => {
    expect(hits(['he', 'she', 'hers', 'his'], 'ushers')).toEqual([
      ['she', 4],
      ['he', 4],
      ['hers', 6],
    ]);
  });

  it('matches ASCII case-insensitively', () => {
    expect(hits(['sk_live_'], 'SK_LIVE_abc sk_Live_')).toEqual([
      ['sk_live_', 8],
      ['sk_live_', 20],
    ]);
  });

  it('scans UTF-8 bytes without matching inside multi-byte characters', () => {
    const found: number[] = [];
    // 0xEB & 0x7F is "k": a continuation or lead byte must never count as a keyword character.
    buildKeywordAutomaton(['key', 'ke']).scanBytes(Buffer.from('\u06cbey ë key'), (_k, end) => found.push(end));
    expect(found).toEqual([10, 11]);
  });

  it('resets on non-ASCII characters and keeps offsets in UTF-16 units', () => {
    expect(hits(['key'], 'ké key🔑key')).toEqual([
      ['key', 6],
      ['key', 11],
    ]);
  });

  it('agrees with a naive search on random text', () => {
    const keywords = ['ab', 'abc', 'bca', 'c', 'aaa'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const text = Array.from({ length: 2000 }, () => 'abcA'[Math.floor(random() * 4)]).join('');
    const expected: [string, number][] = [];
    for (let end = 1; end <= text.length; end++) {
      for (const k of keywords) if (text.slice(0, end).toLowerCase().endsWith(k)) expected.push([k, end]);
    }
    const sort = (list: [string, number][]) => [...list].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
    expect(sort(hits(keywords, text))).toEqual(sort(expected));
    const fromBytes: [string, number][] = [];
    buildKeywordAutomaton(keywords).scanBytes(Buffer.from(text, 'latin1'), (k, end) => fromBytes.push([keywords[k] as string, end]));
    expect(sort(fromBytes)).toEqual(sort(expected));
    // Long enough for two interleaved streams, with keywords across the middle; hits stay in order.
    const long = text.repeat(5);
    const naive: number[] = [];
    const lower = long.toLowerCase();
    for (let end = 1; end <= long.length; end++) for (const k of keywords) if (lower.slice(0, end).endsWith(k)) naive.push(end);
    const streamed: number[] = [];
    buildKeywordAutomaton(keywords).scanBytes(Buffer.from(long, 'latin1'), (_k, end) => streamed.push(end));
    expect(streamed).toEqual(naive);
  });
});
