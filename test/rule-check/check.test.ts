import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkRules } from '../../src/rule-check/index.js';
import { compilePacks, loadBuiltinRules, loadYamlSupport, parsePack } from '../../src/rules/index.js';

await loadYamlSupport();

const INVALID_DIR = new URL('../../fixtures/rules/invalid/', import.meta.url);

/** Each invalid pack fixture starts with `# expect: <substring>` lines naming every problem it must produce. */
async function invalidCases(): Promise<[string, string, string[]][]> {
  const names = (await readdir(INVALID_DIR)).filter((n) => n.endsWith('.yaml')).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(new URL(name, INVALID_DIR), 'utf8');
      const expected = [...text.matchAll(/^# expect: (.+)$/gm)].map((m) => m[1] as string);
      return [name, text, expected] as [string, string, string[]];
    }),
  );
}

async function problemsOf(text: string, file: string): Promise<string[]> {
  const parsed = parsePack(text, file);
  const loaded = compilePacks(parsed.pack === undefined ? [] : [parsed.pack]);
  return [...parsed.problems, ...loaded.problems, ...(await checkRules(loaded.rules, { shouldTimeRules: false }))];
}

describe('rule pack validation', async () => {
  const cases = await invalidCases();
  it.each(cases)('%s lists every problem', async (name, text, expected) => {
    const problems = await problemsOf(text, `rules/${name}`);
    expect(expected.length).toBeGreaterThan(0);
    for (const part of expected) expect(problems.join('\n')).toContain(part);
    for (const problem of problems) expect(problem.startsWith(`rules/${name}`)).toBe(true);
  });

  // Timing every built-in rule takes ~35 s on an idle 2-core machine; other test files share it.
  it('passes on the built-in packs, timing included', { timeout: 300_000 }, async () => {
    const { rules } = await loadBuiltinRules();
    expect(await checkRules(rules)).toEqual([]);
  });

  it('flags a pattern that backtracks catastrophically', async () => {
    const text = `
provider: {id: slow, name: Slow, remediation: {rotateUrl: 'https://slow.test', steps: [x]}}
rules:
  - id: slow.nested
    name: Nested quantifier
    description: ([a-z0-9]+)+ is exponential on a long run of letters with no exclamation mark.
    severity: low
    pattern: 'slow(?<secret>([a-z0-9]+)+)!'
    keywords: [slow]
    references: [https://slow.test]
    tags: [test]
    examples: ['slowq8w7e6!', 'slowz9x8c7!']
    negativeExamples: ['slowc']
`;
    const parsed = parsePack(text, 'rules/slow.yaml');
    const loaded = compilePacks(parsed.pack ? [parsed.pack] : []);
    expect(loaded.rules).toHaveLength(1);
    expect((await checkRules(loaded.rules)).join('\n')).toMatch(/rules\/slow\.yaml: slow\.nested: not linear: /);
  });
});
