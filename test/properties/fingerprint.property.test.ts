import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/engine/index.js';
import { fingerprintOf, secretIdOf, type Finding } from '../../src/findings/index.js';
import { loadBuiltinRules } from '../../src/rules/index.js';
import { FAKE } from '../helpers/fake-secrets.js';

const SEED = 20240105;
const STRIPE = 'stripe.secret-key';
const AWS = 'aws.access-key-id';
const SECRETS = [FAKE.stripe, FAKE.stripeOther, FAKE.stripeThird, FAKE.awsKeyId];
const matcher = createMatcher((await loadBuiltinRules()).rules);

function scan(path: string, text: string): Finding[] {
  return matcher.scanChunk({ origin: 'tree', path, text, startLine: 1 }).findings;
}

/** The one finding of `ruleId` (the property fails unless there is exactly one). */
function only(findings: Finding[], ruleId: string): Finding {
  const matching = findings.filter((f) => f.ruleId === ruleId);
  expect(matching).toHaveLength(1);
  return matching[0] as Finding;
}

/** Arbitrary lines that hold no secret: printable text, non-ASCII text, and secret-ish assignments. */
const otherLine = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constantFrom('', '}', 'key = value', 'token: "abc"', 'password=', '# comment', 'x\r'));
const lines = fc.array(otherLine, { maxLength: 15 });
/** How the secret sits on its line: a word boundary on both sides. */
const lhs = fc.constantFrom('', 'S=', 'const k = "', '  - ', 'é 🔑 ', '\t');
const rhs = fc.constantFrom('', '"', '";', ' # note', ' 日本', '\r');
const path = fc.string({ unit: fc.constantFrom(...'abcxyz019_-./é'), minLength: 1, maxLength: 20 });

function fileOf(above: readonly string[], secretLine: string, below: readonly string[]): string {
  return [...above, secretLine, ...below].join('\n');
}

describe('fingerprint properties', () => {
  it('keeps the fingerprint when lines are inserted above the secret and the rest of the file changes', () => {
    fc.assert(
      fc.property(path, lines, lhs, rhs, lines, lines, lines, lines, (p, above, l, r, below, inserted, otherAbove, otherBelow) => {
        const secretLine = `${l}${FAKE.stripe}${r}`;
        const before = only(scan(p, fileOf(above, secretLine, below)), STRIPE);
        const moved = only(scan(p, fileOf([...inserted, ...above], secretLine, below)), STRIPE);
        const edited = only(scan(p, fileOf([...inserted, ...otherAbove], secretLine, otherBelow)), STRIPE);
        expect(moved.startLine).toBe(before.startLine + inserted.length);
        expect(moved.fingerprint).toBe(before.fingerprint);
        expect(edited.fingerprint).toBe(before.fingerprint);
        expect(before.fingerprint).toBe(fingerprintOf(STRIPE, p, FAKE.stripe));
        expect(before.secretId).toBe(secretIdOf(STRIPE, FAKE.stripe));
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('changes the fingerprint, but not the secret id, when the path changes', () => {
    fc.assert(
      fc.property(path, path, lines, lhs, rhs, (p1, p2, above, l, r) => {
        fc.pre(p1 !== p2);
        const text = fileOf(above, `${l}${FAKE.stripe}${r}`, []);
        const a = only(scan(p1, text), STRIPE);
        const b = only(scan(p2, text), STRIPE);
        expect(a.fingerprint).not.toBe(b.fingerprint);
        expect(a.secretId).toBe(b.secretId);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('gives two secrets of two rules in one file different fingerprints and secret ids', () => {
    fc.assert(
      fc.property(path, lines, lines, lines, lhs, rhs, fc.boolean(), (p, above, middle, below, l, r, isAwsFirst) => {
        const stripeLine = `${l}${FAKE.stripe}${r}`;
        const awsLine = `${l}${FAKE.awsKeyId}${r}`;
        const ordered = isAwsFirst ? [awsLine, ...middle, stripeLine] : [stripeLine, ...middle, awsLine];
        const findings = scan(p, [...above, ...ordered, ...below].join('\n'));
        const stripe = only(findings, STRIPE);
        const aws = only(findings, AWS);
        expect(stripe.fingerprint).not.toBe(aws.fingerprint);
        expect(stripe.secretId).not.toBe(aws.secretId);
        expect(aws.fingerprint).toBe(fingerprintOf(AWS, p, FAKE.awsKeyId));
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('never puts a raw planted secret in a finding, however the secrets share lines', () => {
    const piece = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...SECRETS) },
      { weight: 2, arbitrary: fc.constantFrom(' ', '"', '=', ', ', 'é', '🔑', '\n', '\r\n', 'key = ', 'token: "') },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => ` ${s} `) },
      { weight: 1, arbitrary: fc.nat({ max: 300 }).map((n) => ` ${'pad '.repeat(n)}`) },
    );
    fc.assert(
      fc.property(path, fc.array(piece, { minLength: 1, maxLength: 30 }), (p, pieces) => {
        // Keep a word boundary between neighbouring pieces, so every planted secret is a detectable one.
        const text = pieces.join(' ');
        const findings = scan(p, text);
        const json = JSON.stringify(findings);
        for (const secret of SECRETS) expect(json).not.toContain(secret);
        expect(findings.every((f) => f.secret === undefined)).toBe(true);
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});

const revealing = createMatcher((await loadBuiltinRules()).rules, { shouldRevealSecrets: true });

describe('redaction of detected secrets', () => {
  // Found by this property (fixed in src/engine/to-finding.ts): a second copy of a detected secret that
  // its rule does not match (glued to a word character) stayed in clear in the finding's context, e.g.
  // the line `K=S xS` gave `K=sk_l…(32) xS`. Context lines now redact every copy of every detected value.
  it('never shows the value of a detected secret in any finding, even where another copy of it was not matched', () => {
    const piece = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SECRETS) }, { weight: 3, arbitrary: fc.constantFrom(' ', '"', '=', 'x', '_', '9', 'é', '\n', 'key = ') }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        const detected = revealing.scanChunk({ origin: 'stdin', path: 'p', text, startLine: 1 }).findings.map((f) => f.secret as string);
        const json = JSON.stringify(scan('p', text));
        for (const secret of detected) expect(json).not.toContain(secret);
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
