import { describe, expect, it } from 'vitest';
import { parseConfig, selectRules } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';
import { exponentialBacktrackingProblem, globProblem, loadBuiltinRules, loadYamlSupport } from '../../src/rules/index.js';

await loadYamlSupport();

// Each of these takes exponential time in a backtracking engine on some input that does not match:
// a repeated part that can read the same text in two ways (alternatives that overlap, or a
// quantifier inside a quantifier).
const EXPONENTIAL = [
  'acme_(?:xy|x|y)+!',
  '(a|a)+',
  '(a|ab|b)*c',
  '(a+)+b',
  '(a*)*b',
  '(\\w+_?)+$',
  '(?:[a-z]{1,3})+!',
  '(x+x+)+y',
  '(.*,)*x',
  '([^"]+|\\\\.)*"',
  '(?:\\d|[0-9a-f])+!',
  '(?:[A-Z]|[a-z])+\\.(?:[A-Z]+|[a-z])+!',
  '(?:a+b?)+c',
  '(?:(?:ab)*|a(?:ba)*b)+c',
];

// Linear in a backtracking engine: the repeated parts cannot split the same text two ways.
const LINEAR = [
  '(?:a|b)+',
  '[a-z]+',
  'sk_live_[0-9a-zA-Z]{24,99}',
  '(?:[a-z]{3})+!',
  '(?:a|ab)+(?:c|bc)',
  '(?:\\s*,\\s*\\w+)*',
  '(?:https?://)?(?:[\\w-]+\\.)+[a-z]{2,}',
  '(?<secret>[A-Za-z0-9+/]{40})(?![A-Za-z0-9+/])',
  '(?:xy|x(?=z)|y)',
  '"(?:[^"\\\\]|\\\\.)*"',
];

describe('the exponential-backtracking check', () => {
  it.each(EXPONENTIAL)('refuses %s', (pattern) => {
    expect(exponentialBacktrackingProblem(pattern)).toMatch(/can take exponential time/);
  });

  it.each(LINEAR)('accepts %s', (pattern) => {
    expect(exponentialBacktrackingProblem(pattern)).toBeUndefined();
  });

  it('reads the i flag: alternatives that differ only in case overlap under it', () => {
    expect(exponentialBacktrackingProblem('(?:[a-z]|[A-Z0-9])+!')).toBeUndefined();
    expect(exponentialBacktrackingProblem('(?:[a-z]|[A-Z0-9])+!', 'i')).toMatch(/exponential/);
  });

  it('accepts every built-in rule', async () => {
    const { rules } = await loadBuiltinRules();
    expect(rules.length).toBeGreaterThan(100);
    const refused = rules.flatMap((rule) => {
      const problem = exponentialBacktrackingProblem(rule.regex.source, rule.regex.flags);
      return problem === undefined ? [] : [`${rule.spec.id}: ${problem}`];
    });
    expect(refused).toEqual([]);
  });
});

describe('path globs', () => {
  it('accepts the usual globs and refuses one segment crowded with wildcards', () => {
    for (const glob of ['**', 'docs/', '**/*.env', '*.{js,ts}', 'test/**/fixtures/*.json', '**/.env.*', '*a*b*c']) expect(globProblem(glob), glob).toBeUndefined();
    expect(globProblem('**/*a*a*a*a*a*b')).toMatch(/too many `\*` wildcards in "\*a\*a\*a\*a\*a\*b"/);
  });
});

function configProblems(text: string): string[] {
  try {
    selectRules({ packs: [], rules: [], problems: [] }, parseConfig(text, '.secretscan.yaml'));
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('the config', () => {
  it('refuses an allowlist regex that can backtrack exponentially, naming the line', () => {
    const problems = configProblems('allowlist:\n  - reason: fixtures\n    regexes:\n      - "^(?:[a-z]+_?)+$"\n      - "^EXAMPLE[A-Z0-9]+$"\n');
    expect(problems).toEqual([expect.stringMatching(/^\.secretscan\.yaml:4: allowlist\[0\]\.regexes\[0\]: regex can take exponential time/)]);
  });

  it('refuses an allowlist path glob with too many wildcards in a segment', () => {
    const problems = configProblems('allowlist:\n  - reason: fixtures\n    paths: ["src/*a*a*a*a*"]\n');
    expect(problems).toEqual([expect.stringMatching(/^\.secretscan\.yaml:3: allowlist\[0\]\.paths\[0\]: bad path pattern: too many/)]);
  });
});
