import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRuleSpeed } from '../../src/rule-check/check-speed.js';
import { loadRulePacksFrom, type Rule } from '../../src/rules/index.js';

// The verdicts are the guard's own (stopped runs, growth between sizes); the cases are chosen so
// that they hold on a loaded machine: catastrophic and quadratic patterns fail by orders of
// magnitude, and the linear one passes by as much.

/** One rule in YAML; `id:` sits on line 4 + 11 * index of the pack below. */
function ruleYaml(id: string, pattern: string, keyword: string): string {
  return `  - id: slow.${id}
    name: ${id}
    description: A pattern for the timing check.
    severity: low
    pattern: '${pattern}'
    keywords: ['${keyword}']
    references: [https://slow.test]
    tags: [test]
    examples: ['${keyword}ab;', '${keyword}cd;']
    negativeExamples: ['nothing']
`;
}

const RULES: [string, string, string][] = [
  ['nested', 'tok_(?<secret>(a+)+b)', 'tok_'],
  ['words', 'tok_(?<secret>(\\w+\\s?)+$)', 'tok_'],
  // Each `quadratic-token=` scans to the end of the text for a `;`: quadratic, not exponential.
  ['quadratic', 'quadratic-token=(?<secret>[^;]*);', 'quadratic-token='],
  ['linear', 'tok_(?<secret>[a-z]{2,32});', 'tok_'],
];

let dir: string;
let rules: Rule[];
let problems: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secretscan-speed-'));
  const head = "provider: {id: slow, name: Slow, remediation: {rotateUrl: 'https://slow.test', steps: [x]}}\nrules:\n";
  await writeFile(join(dir, 'slow.yaml'), head + RULES.map(([id, pattern, keyword]) => ruleYaml(id, pattern, keyword)).join(''));
  const loaded = await loadRulePacksFrom(dir, dir);
  expect(loaded.problems).toEqual([]);
  rules = loaded.rules;
  problems = await checkRuleSpeed(rules, { cwd: dir });
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function problemOf(id: string): string | undefined {
  return problems.find((p) => p.includes(`: slow.${id}: `));
}

describe('checkRuleSpeed', () => {
  it('fails a catastrophic nested quantifier (a+)+b, naming file, line and rule id', () => {
    expect(problemOf('nested')).toMatch(/^slow\.yaml:3: slow\.nested: not linear: the pattern was stopped after \d+ ms on \d+ KiB of .+ \(hint: /);
  });

  it('fails (\\w+\\s?)+$', () => {
    expect(problemOf('words')).toMatch(/^slow\.yaml:13: slow\.words: not linear: /);
  });

  it('fails a quadratic pattern, with the input shape, sizes and times', () => {
    expect(problemOf('quadratic')).toMatch(/^slow\.yaml:23: slow\.quadratic: (not linear|too slow): .+ \d+ (KiB|MiB) of \S+/);
  });

  it('passes a linear pattern', () => {
    expect(problemOf('linear')).toBeUndefined();
    expect(problems).toHaveLength(3);
  });
});
