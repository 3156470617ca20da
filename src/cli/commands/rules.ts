import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkCatalogueFile, loadCatalogue } from '../../sensitive-files/index.js';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { RulePackError } from '../../errors.js';
import { checkRules } from '../../rule-check/index.js';
import { BUILTIN_RULES_DIR, loadBuiltinRules, loadRulePacksFrom } from '../../rules/index.js';
import { EXIT } from '../exit-codes.js';
import { checkVerifiers } from '../../verify/index.js';
import type { Io } from '../io.js';

/** `secretscan rules list`. */
export const RULES_LIST_COMMAND: CommandSpec = {
  usage: 'secretscan rules list [--format text|json]',
  summary: 'List the built-in rules and secret-bearing file kinds: id, severity and name (JSON adds provider, keywords or paths, and tags).',
  options: [{ name: 'format', short: 'f', type: 'string', valueName: 'FORMAT', choices: ['text', 'json'], default: 'text', description: 'output format' }],
};

/** `secretscan rules check [DIR]`. */
export const RULES_CHECK_COMMAND: CommandSpec = {
  usage: 'secretscan rules check [DIR]',
  summary: 'Validate rule packs, run every example and negative example, and run each verifier against a local stand-in; list every problem.',
  positionals: { description: 'DIR: a folder of *.yaml packs (default: the built-in rules)', max: 1 },
  options: [],
};

/** Runs `rules list` or `rules check` with parsed arguments. */
export async function runRules(subcommand: 'list' | 'check', args: ParsedArgs, io: Io): Promise<number> {
  if (subcommand === 'list') return listRules(String(args.values.format ?? 'text'), io);
  const dir = args.positionals[0];
  return checkRuleDir(dir === undefined ? BUILTIN_RULES_DIR : resolve(io.cwd, dir), io);
}

/** The built-in rules, then the secret-bearing file kinds: ids the config can disable or allowlist alike. */
async function listRules(format: string, io: Io): Promise<number> {
  const [{ rules }, catalogue] = await Promise.all([loadBuiltinRules(), loadCatalogue()]);
  const kinds = catalogue.kinds.map((k) => k.spec);
  if (format === 'json') {
    const rows = [
      ...rules.map((r) => ({ id: r.spec.id, name: r.spec.name, severity: r.spec.severity, provider: r.provider.name, keywords: r.spec.keywords, tags: r.spec.tags })),
      ...kinds.map((k) => ({ id: k.id, name: k.name, severity: k.severity, provider: 'Secret-bearing file', paths: k.paths, tags: ['file'] })),
    ];
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.clean;
  }
  const width = Math.max(...rules.map((r) => r.spec.id.length), ...kinds.map((k) => k.id.length));
  for (const r of rules) io.stdout.write(`${r.spec.id.padEnd(width)}  ${r.spec.severity.padEnd(6)}  ${r.spec.name}\n`);
  for (const k of kinds) io.stdout.write(`${k.id.padEnd(width)}  ${k.severity.padEnd(6)}  ${k.name}\n`);
  io.stdout.write(`${rules.length} rules, ${kinds.length} secret-bearing file kinds\n`);
  return EXIT.clean;
}

async function checkRuleDir(dir: string, io: Io): Promise<number> {
  const loaded = await loadRulePacksFrom(dir, io.cwd);
  // The catalogue of secret-bearing files (`secretscan gitignore`) sits next to the packs.
  const catalogueFile = join(dir, 'sensitive-files.yaml');
  const catalogue = existsSync(catalogueFile) ? await checkCatalogueFile(catalogueFile, io.cwd) : undefined;
  const problems = [...loaded.problems, ...(await checkRules(loaded.rules, { cwd: io.cwd })), ...(await checkVerifiers(loaded.rules)), ...(catalogue?.problems ?? [])];
  if (problems.length > 0) throw new RulePackError(problems);
  const examples = loaded.rules.reduce((n, r) => n + r.spec.examples.length + r.spec.negativeExamples.length, 0);
  io.stdout.write(`${loaded.rules.length} rules in ${loaded.packs.length} packs: all ${examples} examples and negative examples pass\n`);
  const verified = loaded.rules.filter((rule) => rule.spec.verify !== undefined);
  if (verified.length > 0) {
    const providers = new Set(verified.filter((rule) => rule.spec.verify?.unverifiable === undefined).map((rule) => rule.provider.id));
    io.stdout.write(`${verified.length} verifiers (${providers.size} providers with a request): each accepts its examples and rejects altered values against a local stand-in\n`);
  }
  if (catalogue !== undefined) io.stdout.write(`${catalogue.catalogue.kinds.length} secret-bearing file kinds in ${catalogue.catalogue.file}: all examples pass\n`);
  return EXIT.clean;
}
