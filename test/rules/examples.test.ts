import { describe, expect, it } from 'vitest';
import { scanExample } from '../../src/rule-check/index.js';
import { loadBuiltinRules } from '../../src/rules/index.js';

// One generated case per example and per negative example of every built-in rule.
// Case names use the index, never the example text: examples are secret-shaped.
const { rules } = await loadBuiltinRules();

describe.each(rules.map((rule) => [rule.spec.id, rule] as const))('%s', (_id, rule) => {
  it.each(rule.spec.examples.map((text, i) => [i, text] as const))('detects examples[%i]', (_i, text) => {
    expect(scanExample(rule, text).map((f) => f.ruleId)).toContain(rule.spec.id);
  });
  it.each(rule.spec.negativeExamples.map((text, i) => [i, text] as const))('ignores negativeExamples[%i]', (_i, text) => {
    expect(scanExample(rule, text)).toEqual([]);
  });
});

it('ships rules', () => {
  expect(rules.length).toBeGreaterThan(0);
});
