import { performance } from 'node:perf_hooks';
import { createMatcher } from '../engine/index.js';
import type { Finding } from '../findings/index.js';
import type { Rule } from './types.js';

/** Longest a rule may take on one adversarial input of ADVERSARIAL_LENGTH characters. */
const SLOW_RULE_MS = 250;
const ADVERSARIAL_LENGTH = 20_000;

/** Runs `text` through the full matcher with only `rule` loaded, as a file named `example.txt`. */
export function scanExample(rule: Rule, text: string): Finding[] {
  return createMatcher([rule]).scanChunk({ origin: 'stdin', path: 'example.txt', text, startLine: 1 }).findings;
}

function checkExamples(rule: Rule): string[] {
  const where = `${rule.file}: ${rule.spec.id}`;
  const problems: string[] = [];
  rule.spec.examples.forEach((text, i) => {
    if (scanExample(rule, text).length === 0) problems.push(`${where}: examples[${i}] is not detected`);
    rule.regex.lastIndex = 0;
    for (const m of text.matchAll(rule.regex)) {
      const matched = m[0].toLowerCase();
      if (!rule.keywords.some((k) => matched.includes(k))) {
        problems.push(`${where}: examples[${i}]: the match contains none of the keywords, so the prefilter would skip it`);
      }
    }
  });
  rule.spec.negativeExamples.forEach((text, i) => {
    if (scanExample(rule, text).length > 0) problems.push(`${where}: negativeExamples[${i}] is detected but must not be`);
  });
  return problems;
}

/** Inputs that make a backtracking pattern go quadratic or worse: long runs after each keyword. */
function adversarialInputs(rule: Rule): string[] {
  const runs = ['a', 'A', '0', 'f', '_', '-', '/', '+', '=', ' ', '\t', ':', '.', 'aA0', 'a=', '"a', "'", '\n'];
  const keyword = rule.spec.keywords[0] ?? '';
  const inputs = runs.map((run) => keyword + run.repeat(Math.ceil(ADVERSARIAL_LENGTH / run.length)));
  inputs.push(keyword.repeat(Math.ceil(ADVERSARIAL_LENGTH / Math.max(1, keyword.length))));
  for (const example of rule.spec.examples.slice(0, 1)) {
    inputs.push(example.repeat(Math.ceil(ADVERSARIAL_LENGTH / Math.max(1, example.length))).slice(0, ADVERSARIAL_LENGTH * 2));
  }
  return inputs;
}

/** Times the rule's regex on adversarial input; a slow rule could hang a scan (ReDoS). */
function checkSpeed(rule: Rule): string[] {
  for (const input of adversarialInputs(rule)) {
    const started = performance.now();
    rule.regex.lastIndex = 0;
    for (const _ of input.matchAll(rule.regex)) void _;
    const elapsed = performance.now() - started;
    if (elapsed > SLOW_RULE_MS) {
      return [`${rule.file}: ${rule.spec.id}: pattern took ${Math.round(elapsed)} ms on ${input.length} adversarial characters (hint: bound repetitions and avoid nested quantifiers)`];
    }
  }
  return [];
}

/** Every problem with the rules' examples and speed; empty when all rules pass. */
export function checkRules(rules: readonly Rule[], options: { shouldTimeRules?: boolean } = {}): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    problems.push(...checkExamples(rule));
    if (options.shouldTimeRules !== false) problems.push(...checkSpeed(rule));
  }
  return problems;
}
