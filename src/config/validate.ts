import { compilePacks, exponentialBacktrackingProblem, globProblem, validatePack, type RulePack, type YamlDocument } from '../rules/index.js';
import { type DocumentPath, isRecord, isStringList, ProblemList, unknownKeysOf } from '../document-shape.js';
import { parseSize } from './size.js';
import type { AllowlistEntry, Config } from './types.js';

const TOP_KEYS = new Set(['maxFileSize', 'rules', 'allowlist', 'verify']);
const RULES_KEYS = new Set(['disable', 'custom']);
const ENTRY_KEYS = new Set(['reason', 'paths', 'rules', 'regexes', 'stopwords']);

function checkEntry(raw: unknown, at: DocumentPath, problems: ProblemList): AllowlistEntry | undefined {
  if (!isRecord(raw)) {
    problems.addAtKey(at, 'each allowlist entry must be a mapping with a `reason`');
    return undefined;
  }
  const before = problems.items.length;
  for (const key of unknownKeysOf(raw, ENTRY_KEYS)) problems.addAtKey([...at, key], `unknown field \`${key}\``);
  if (typeof raw.reason !== 'string' || raw.reason.trim() === '') problems.addAtKey([...at, 'reason'], 'every allowlist entry needs a `reason`');
  for (const key of ['paths', 'rules', 'regexes', 'stopwords'] as const) {
    if (raw[key] !== undefined && !isStringList(raw[key])) problems.addAtKey([...at, key], `\`${key}\` must be a non-empty list of strings`);
  }
  if (raw.paths === undefined && raw.regexes === undefined && raw.stopwords === undefined) {
    problems.addAtKey(at, 'an entry needs at least one of `paths`, `regexes` or `stopwords`');
  }
  if (isStringList(raw.regexes)) {
    raw.regexes.forEach((source, i) => {
      try {
        new RegExp(source);
      } catch (error) {
        problems.addAtKey([...at, 'regexes', i], `regex does not compile: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      const slow = exponentialBacktrackingProblem(source);
      if (slow !== undefined) problems.addAtKey([...at, 'regexes', i], `regex ${slow}`);
    });
  }
  if (isStringList(raw.paths)) {
    raw.paths.forEach((glob, i) => {
      const problem = globProblem(glob.replace(/^!/, ''));
      if (problem !== undefined) problems.addAtKey([...at, 'paths', i], `bad path pattern: ${problem}`);
    });
  }
  return problems.items.length === before ? (raw as unknown as AllowlistEntry) : undefined;
}

/**
 * Ids a config may name in `rules.disable` and `allowlist[].rules` besides its own custom rules:
 * built-in rule ids, provider ids and secret-bearing file kinds (`file.dotenv`, and `file` for all).
 */
export type KnownIds = ReadonlySet<string>;

/** Every id of `rules.disable` and `allowlist[].rules` that is neither in `known` nor a custom rule or provider. */
function checkIdReferences(config: Config, known: KnownIds, problems: ProblemList): void {
  const custom = new Set(config.customPacks.flatMap((pack) => [pack.provider.id, ...pack.rules.map((rule) => rule.id)]));
  const isKnown = (id: string): boolean => known.has(id) || custom.has(id);
  config.disabledRules.forEach((id, i) => {
    if (!isKnown(id)) problems.addAtKey(['rules', 'disable', i], `no rule, provider or file kind \`${id}\` (see \`secretscan rules list\`)`);
  });
  config.allowlist.forEach((entry, i) => {
    entry.rules?.forEach((id, j) => {
      if (!isKnown(id)) problems.addAtKey(['allowlist', i, 'rules', j], `no rule, provider or file kind \`${id}\` (see \`secretscan rules list\`)`);
    });
  });
}

function checkRulesBlock(raw: unknown, file: string, doc: YamlDocument, problems: ProblemList): Pick<Config, 'disabledRules' | 'customPacks'> {
  const out: Pick<Config, 'disabledRules' | 'customPacks'> = { disabledRules: [], customPacks: [] };
  if (raw === undefined) return out;
  if (!isRecord(raw)) {
    problems.addAtKey(['rules'], 'must be a mapping with `disable` and/or `custom`');
    return out;
  }
  for (const key of unknownKeysOf(raw, RULES_KEYS)) problems.addAtKey(['rules', key], `unknown field \`${key}\``);
  if (raw.disable !== undefined) {
    if (isStringList(raw.disable)) out.disabledRules = raw.disable;
    else problems.addAtKey(['rules', 'disable'], 'must be a list of rule ids or provider ids');
  }
  if (raw.custom !== undefined && !Array.isArray(raw.custom)) problems.addAtKey(['rules', 'custom'], 'must be a list of packs (`provider:` + `rules:`)');
  if (Array.isArray(raw.custom)) {
    raw.custom.forEach((pack: unknown, i) => {
      const checked = validatePack(pack, file, doc, ['rules', 'custom', i]);
      problems.items.push(...checked.problems);
      if (checked.pack !== undefined) out.customPacks.push(checked.pack as RulePack);
      // A verifier sends the secret over the network: only the built-in packs, reviewed with their hosts, may have one.
      checked.pack?.rules.forEach((rule, r) => {
        if (rule.verify !== undefined) problems.addAtKey(['rules', 'custom', i, 'rules', r, 'verify'], `${rule.id}: custom rules cannot have a verifier (only built-in rules are verified)`);
      });
    });
    // Compile now too, so a bad pattern is listed with the shape problems rather than after them.
    problems.items.push(...compilePacks(out.customPacks).problems);
  }
  return out;
}

/**
 * Validates a parsed config document, collecting every problem with its file and line. With
 * `known`, ids named in `rules.disable` and `allowlist[].rules` are checked too, in the same pass.
 */
export function validateConfig(value: unknown, file: string, doc: YamlDocument, known?: KnownIds): { config?: Config; problems: string[] } {
  const problems = new ProblemList(file, doc.lineOf);
  if (value === null || value === undefined) return { config: { file, disabledRules: [], customPacks: [], allowlist: [] }, problems: [] };
  if (!isRecord(value)) return { problems: [`${file}: the configuration must be a mapping`] };
  for (const key of unknownKeysOf(value, TOP_KEYS)) problems.addAtKey([key], `unknown field \`${key}\` (known: ${[...TOP_KEYS].join(', ')})`);
  const config: Config = { file, ...checkRulesBlock(value.rules, file, doc, problems), allowlist: [] };
  if (value.maxFileSize !== undefined) {
    const size = parseSize(value.maxFileSize);
    if (size === undefined) problems.addAtKey(['maxFileSize'], 'must be a positive size such as 1048576, 512KiB or 10MB');
    else config.maxFileSize = size;
  }
  if (value.verify !== undefined) {
    if (typeof value.verify === 'boolean') config.verify = value.verify;
    else problems.addAtKey(['verify'], 'must be true or false');
  }
  if (value.allowlist !== undefined && !Array.isArray(value.allowlist)) problems.addAtKey(['allowlist'], 'must be a list of entries');
  if (Array.isArray(value.allowlist)) {
    value.allowlist.forEach((raw: unknown, i) => {
      const entry = checkEntry(raw, ['allowlist', i], problems);
      if (entry !== undefined) config.allowlist.push(entry);
    });
  }
  if (known !== undefined) checkIdReferences(config, known, problems);
  return problems.items.length > 0 ? { problems: problems.items } : { config, problems: [] };
}
