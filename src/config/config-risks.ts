import type { Rule } from '../rules/index.js';
import { suppressionFrom } from '../suppress/index.js';
import type { Config } from './types.js';

/**
 * Paths and secrets an allowlist entry is tried on to tell whether it lets everything through:
 * files at the root and deep down, dotfiles, every common kind; values of every common shape.
 */
const PROBE_PATHS = ['a', 'app.js', '.env', 'config/production.env', 'src/deep/nested/dir/settings.py', 'id_rsa', 'Dockerfile', 'x/y.z'];
// Built from pieces, so that this file holds nothing secret-shaped.
const PROBE_SECRETS = ['Q7b9ZxW2kLm4', ['AK', 'IA', 'Q3MZ7XW2'].join(''), 'hunter2!', '0123456789abcdef', 'Zr4Tq8Wm2Xc6', 'x'];
const PROBE_RULES = ['generic.password-assignment', 'aws.access-key-id', 'stripe.secret-key', 'private-key.pem'];

function suppressesEveryProbe(entry: Config['allowlist'][number]): boolean {
  const policy = suppressionFrom([entry]);
  const isWholePath = entry.paths !== undefined && entry.rules === undefined && entry.regexes === undefined && entry.stopwords === undefined;
  if (isWholePath) return PROBE_PATHS.every((path) => policy.isPathSuppressed(path));
  return PROBE_PATHS.every((path) => PROBE_RULES.every((ruleId) => PROBE_SECRETS.every((secret) => policy.isSuppressed({ ruleId, path, secret }))));
}

/**
 * What about the config makes a clean report mean nothing, for every report to call out: no rule
 * left to run, or an allowlist entry that suppresses every finding (paths like `**`, a regex like
 * `.*`). Empty when there is nothing to say.
 */
export function configRisks(config: Config, rules: readonly Rule[]): string[] {
  const where = config.file ?? 'the config';
  const risks: string[] = [];
  if (rules.length === 0) risks.push(`${where} disables every rule: nothing was looked for, so "no secrets found" means nothing.`);
  config.allowlist.forEach((entry, index) => {
    if (suppressesEveryProbe(entry)) {
      risks.push(`${where}: allowlist entry ${index + 1} ("${entry.reason.slice(0, 80)}") suppresses every finding in every file: nothing can be reported while it stands.`);
    }
  });
  return risks;
}
