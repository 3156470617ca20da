import { ConfigError } from '../errors.js';
import { compilePacks, type LoadedRules, type Rule } from '../rules/index.js';
import type { Config } from './types.js';

/**
 * The rules a scan runs: built-in rules plus the config's custom packs, minus disabled ids.
 * Unknown ids in `rules.disable` and broken custom rules are config errors; `fileKindIds` (the
 * secret-bearing file kinds, which are no rules) may be disabled too.
 */
export function selectRules(builtin: LoadedRules, config: Config, fileKindIds: ReadonlySet<string> = new Set()): Rule[] {
  const merged = compilePacks(config.customPacks, builtin);
  const problems = [...merged.problems];
  const known = new Set([...merged.rules.flatMap((r) => [r.spec.id, r.provider.id]), ...fileKindIds]);
  const source = config.file ?? 'config';
  for (const id of config.disabledRules) {
    if (!known.has(id)) problems.push(`${source}: rules.disable: no rule, provider or file kind \`${id}\` (see \`secretscan rules list\`)`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const disabled = new Set(config.disabledRules);
  return merged.rules.filter((r) => !disabled.has(r.spec.id) && !disabled.has(r.provider.id));
}
