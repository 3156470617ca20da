import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfig, selectRules } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';
import { loadBuiltinRules, loadYamlSupport } from '../../src/rules/index.js';

await loadYamlSupport();

const FIXTURES = new URL('../../fixtures/config/', import.meta.url);
const builtin = await loadBuiltinRules();

async function fixture(kind: 'valid' | 'invalid', name: string): Promise<string> {
  return readFile(new URL(`${kind}/${name}`, FIXTURES), 'utf8');
}

function problemsOf(text: string, file: string): string[] {
  try {
    selectRules(builtin, parseConfig(text, file));
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('parseConfig', () => {
  it('accepts every documented key', async () => {
    const config = parseConfig(await fixture('valid', 'full.yaml'), 'full.yaml');
    expect(config.maxFileSize).toBe(2 * 1024 * 1024);
    expect(config.disabledRules).toEqual(['generic', 'jwt.token']);
    expect(config.customPacks[0]?.rules[0]?.id).toBe('acme.internal-token');
    expect(config.allowlist).toHaveLength(3);
    const rules = selectRules(builtin, config);
    expect(rules.some((r) => r.spec.id === 'acme.internal-token')).toBe(true);
    expect(rules.some((r) => r.provider.id === 'generic' || r.spec.id === 'jwt.token')).toBe(false);
  });

  it('treats an empty file as the defaults', async () => {
    const config = parseConfig(await fixture('valid', 'empty.yaml'), 'empty.yaml');
    expect(config).toMatchObject({ disabledRules: [], customPacks: [], allowlist: [] });
  });

  describe('invalid files list every problem with its location', async () => {
    const names = (await readdir(new URL('invalid/', FIXTURES))).sort();
    it.each(names)('%s', async (name) => {
      const text = await fixture('invalid', name);
      const expected = [...text.matchAll(/^# expect: (.+)$/gm)].map((m) => m[1] as string);
      const problems = problemsOf(text, name);
      expect(expected.length).toBeGreaterThan(0);
      for (const part of expected) expect(problems.join('\n')).toContain(part);
      expect(problems.length).toBeGreaterThanOrEqual(expected.length);
      for (const problem of problems) expect(problem.startsWith(name)).toBe(true);
    });
  });
});
