import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatcher, decodeText, type Chunk } from '../../src/engine/index.js';
import type { Finding } from '../../src/findings/index.js';
import { loadBuiltinRules } from '../../src/rules/index.js';
import { FAKE } from '../helpers/fake-secrets.js';

const SEED = 20240105;
const RULE = 'stripe.secret-key';
const TOKEN = FAKE.stripe;
const matcher = createMatcher((await loadBuiltinRules()).rules);

/** Harmless ASCII words (none is a rule keyword), long ones so the byte walk takes its 4-bytes-at-a-time path. */
const word = fc.constantFrom('foo', 'bar', 'x', 'const', 'value', 'lorem ipsum dolor sit amet', 'abcdefghijklmnopqrstuvwxyz0123456789');
const nonAsciiChar = fc.constantFrom('é', 'ü', '日', '本', '🔑', '😀');
/** Characters that keep a `\b` on the token's side: not a word character. */
const delimiter = fc.constantFrom(' ', '"', "'", '=', ': ', '(', '\t', 'é', '日', '🔑');
const onLine = fc.oneof({ weight: 3, arbitrary: word }, { weight: 3, arbitrary: nonAsciiChar }, { weight: 2, arbitrary: delimiter });
const anywhere = fc.oneof({ weight: 4, arbitrary: onLine }, { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n') });

/** A text with TOKEN planted once, at a known UTF-16 offset, with a word boundary on each side. */
const planted = fc
  .record({
    before: fc.array(anywhere, { maxLength: 40 }),
    sameLine: fc.array(onLine, { maxLength: 15 }),
    left: fc.oneof(delimiter, fc.constantFrom('\n', '\r\n')),
    right: fc.oneof(delimiter, fc.constantFrom('\n', '\r\n')),
    after: fc.array(anywhere, { maxLength: 40 }),
    endsAtToken: fc.boolean(),
  })
  .map(({ before, sameLine, left, right, after, endsAtToken }) => {
    const head = before.join('') + left + sameLine.join('');
    const boundary = sameLine.length > 0 ? sameLine[sameLine.length - 1] : left;
    // The token must not continue a word: put a delimiter between it and a word before it.
    const prefix = boundary !== undefined && /[A-Za-z0-9_]$/.test(boundary) ? `${head} ` : head;
    const text = prefix + TOKEN + (endsAtToken ? '' : right + after.join(''));
    return { text, offset: prefix.length };
  });

/** Line and column of `offset` computed directly: lines end at `\n` (a `\r` before it belongs to the line). */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { line, column: offset - lineStart + 1 };
}

function scanText(text: string): Finding[] {
  return matcher.scanChunk({ origin: 'stdin', path: 'p', text, startLine: 1 }).findings;
}

/** Scans the UTF-8 bytes of `text`, placed `shift` bytes into a fresh buffer to vary word alignment. */
function scanBytes(text: string, shift: number): Finding[] {
  const encoded = Buffer.from(text);
  const holder = Buffer.alloc(encoded.length + shift);
  encoded.copy(holder, shift);
  const decoded = decodeText(holder.subarray(shift));
  if ('isBinary' in decoded) throw new Error('text decoded as binary');
  const chunk: Chunk = { origin: 'stdin', path: 'p', text: decoded.text, startLine: 1 };
  if (decoded.utf8 !== undefined) chunk.utf8 = decoded.utf8;
  return matcher.scanChunk(chunk).findings;
}

describe('line and column mapping properties', () => {
  it('reports the planted token at its 1-based line and UTF-16 column, from text and from bytes alike', () => {
    fc.assert(
      fc.property(planted, fc.integer({ min: 0, max: 7 }), ({ text, offset }, shift) => {
        const fromText = scanText(text);
        const stripe = fromText.filter((f) => f.ruleId === RULE);
        expect(stripe).toHaveLength(1);
        const finding = stripe[0] as Finding;
        const { line, column } = positionOf(text, offset);
        expect(finding).toMatchObject({ startLine: line, startColumn: column, endLine: line, endColumn: column + TOKEN.length });
        expect(scanBytes(text, shift)).toEqual(fromText);
        expect(JSON.stringify(fromText)).not.toContain(TOKEN);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('counts a 4-byte character before the token on its line as two columns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(word, fc.constantFrom('🔑', '😀', '🔑🔑', ' ')), { minLength: 1, maxLength: 20 }),
        fc.array(fc.constantFrom('a\n', '日\r\n', '🔑\n', 'é é\n'), { maxLength: 5 }),
        fc.integer({ min: 0, max: 7 }),
        (sameLine, lines, shift) => {
          const prefix = `${lines.join('')}🔑${sameLine.join('')} `;
          const text = `${prefix}${TOKEN}`;
          const fromText = scanText(text);
          const { line, column } = positionOf(text, prefix.length);
          expect(fromText.filter((f) => f.ruleId === RULE)).toMatchObject([{ startLine: line, startColumn: column, endColumn: column + TOKEN.length }]);
          expect(scanBytes(text, shift)).toEqual(fromText);
        },
      ),
      { numRuns: 300, seed: SEED },
    );
  });
});
