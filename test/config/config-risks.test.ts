import { describe, expect, it } from 'vitest';
import { configRisks, parseConfig, selectRules } from '../../src/config/index.js';
import { loadBuiltinRules, loadYamlSupport } from '../../src/rules/index.js';

await loadYamlSupport();
const builtin = await loadBuiltinRules();

function risksOf(text: string): string[] {
  const config = parseConfig(text, '.secretscan.yaml');
  return configRisks(config, selectRules(builtin, config));
}

describe('configRisks', () => {
  it('says nothing about an ordinary config', () => {
    expect(risksOf('allowlist:\n  - reason: fixtures\n    paths: ["test/fixtures/"]\n  - reason: docs\n    regexes: ["^EXAMPLE"]\n')).toEqual([]);
    expect(risksOf('rules:\n  disable: [generic]\n')).toEqual([]);
  });

  it('calls out a config that disables every rule', () => {
    const providers = [...new Set(builtin.rules.map((rule) => rule.provider.id))];
    expect(risksOf(`rules:\n  disable: [${providers.join(', ')}]\n`)).toEqual(['.secretscan.yaml disables every rule: nothing was looked for, so "no secrets found" means nothing.']);
  });

  it.each([['paths: ["**"]'], ['paths: ["*"]'], ['paths: ["**/*"]'], ['regexes: [".*"]'], ['regexes: ["^"]']])('calls out an allowlist entry that suppresses everything: %s', (condition) => {
    const risks = risksOf(`allowlist:\n  - reason: everything\n    ${condition}\n`);
    expect(risks).toEqual(['.secretscan.yaml: allowlist entry 1 ("everything") suppresses every finding in every file: nothing can be reported while it stands.']);
  });
});
