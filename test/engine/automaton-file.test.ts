import { describe, expect, it } from 'vitest';
import { buildAutomatonTables, createMatcher, decodeAutomatonTables, encodeAutomatonTables, keywordPlan, readBuiltinAutomaton } from '../../src/engine/index.js';
import { loadBuiltinRules } from '../../src/rules/index.js';
import { FAKE } from '../helpers/fake-secrets.js';

const { rules } = await loadBuiltinRules();

describe('stored keyword automaton', () => {
  it('round-trips the tables exactly', () => {
    const tables = buildAutomatonTables(['sk_live_', 'akia', 'password', 'pass']);
    const decoded = decodeAutomatonTables(encodeAutomatonTables(tables));
    expect(decoded?.keywords).toEqual(tables.keywords);
    expect(Array.from(decoded?.table ?? [])).toEqual(Array.from(tables.table));
    expect(decoded?.outputsByState).toEqual(tables.outputsByState);
  });

  it('rejects anything that is not a stored automaton', () => {
    expect(decodeAutomatonTables(Buffer.from('not an automaton'))).toBeUndefined();
    const good = encodeAutomatonTables(buildAutomatonTables(['abc']));
    expect(decodeAutomatonTables(good.subarray(0, good.length - 4))).toBeUndefined();
  });

  it('is written by the build for the built-in rules and finds what a freshly built one finds', () => {
    const stored = readBuiltinAutomaton();
    expect(stored?.keywords).toEqual(keywordPlan(rules).keywords);
    const text = `STRIPE=${FAKE.stripe}\naws_key=${FAKE.awsKeyId}\n${FAKE.pem}\n`;
    const scan = (options: Parameters<typeof createMatcher>[1]) =>
      createMatcher(rules, options)
        .scanChunk({ origin: 'tree', path: 'a.env', text, startLine: 1 })
        .findings.map((f) => f.ruleId);
    expect(scan({ prebuiltAutomaton: stored })).toEqual(scan({}));
    expect(scan({ prebuiltAutomaton: stored }).length).toBeGreaterThanOrEqual(3);
  });

  it('is not used for another rule set (rules turned off in a config)', () => {
    const stored = readBuiltinAutomaton();
    const stripeOnly = rules.filter((r) => r.spec.id === 'stripe.secret-key');
    const findings = createMatcher(stripeOnly, { prebuiltAutomaton: stored }).scanChunk({ origin: 'tree', path: 'a', text: `x ${FAKE.stripe} ${FAKE.awsKeyId}`, startLine: 1 }).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['stripe.secret-key']);
  });
});
