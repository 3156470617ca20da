import { readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { RulePackError, ScanError } from '../errors.js';
import { readTextFile } from '../safe-fs/index.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { compileRule } from './compile.js';
import { describeStamp, digestFiles, parsedBecause, readFreshCompiledJson } from './compiled-file.js';
import type { Rule, RulePack } from './types.js';
import { validatePack } from './validate-pack.js';
import { loadYamlSupport, parseYamlDocument } from './yaml-document.js';

/** The packs shipped with secretscan: the top-level `rules/` folder of the package. */
export const BUILTIN_RULES_DIR = join(PACKAGE_ROOT, 'rules');

/** Packs and compiled rules, or every problem found while loading them. */
export interface LoadedRules {
  packs: RulePack[];
  rules: Rule[];
  problems: string[];
  /** Where the rules came from, for `--debug`: the compiled file and its stamp, or the YAML and why. */
  origin?: string;
}

/** Parses and validates one pack file's text; `file` is used in messages only. */
export function parsePack(text: string, file: string): { pack?: RulePack; problems: string[] } {
  const doc = parseYamlDocument(text, file);
  if (doc.errors.length > 0) return { problems: doc.errors };
  return validatePack(doc.value, file, doc);
}

/** Compiles packs and checks that rule ids are unique across all of them. */
export function compilePacks(packs: readonly RulePack[], seed: LoadedRules = { packs: [], rules: [], problems: [] }): LoadedRules {
  const result: LoadedRules = { packs: [...seed.packs], rules: [...seed.rules], problems: [...seed.problems] };
  const owners = new Map(result.rules.map((r) => [r.spec.id, r.file]));
  for (const pack of packs) {
    result.packs.push(pack);
    for (const spec of pack.rules) {
      const owner = owners.get(spec.id);
      if (owner !== undefined) {
        result.problems.push(`${pack.file}: ${spec.id}: duplicate rule id (also defined in ${owner})`);
        continue;
      }
      owners.set(spec.id, pack.file);
      const { rule, problems } = compileRule(spec, pack.provider, pack.file);
      result.problems.push(...problems);
      if (rule !== undefined) result.rules.push(rule);
    }
  }
  return result;
}

/** Reads every `*.yaml`/`*.yml` pack in `dir`, collecting all problems rather than stopping at the first. */
export async function loadRulePacksFrom(dir: string, displayBase = '.'): Promise<LoadedRules> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n) && n !== 'sensitive-files.yaml').sort();
  } catch (error) {
    throw new ScanError('E_RULE_INVALID', `cannot read rule directory ${dir}`, { cause: error, hint: 'pass a directory that holds *.yaml rule packs' });
  }
  const packs: RulePack[] = [];
  const problems: string[] = [];
  await loadYamlSupport();
  for (const name of names) {
    const path = join(dir, name);
    const shown = relative(displayBase, path) || path;
    const parsed = parsePack(await readTextFile(path, { shouldFollowSymlink: true }), shown.startsWith('..') ? path : shown);
    problems.push(...parsed.problems);
    if (parsed.pack !== undefined) packs.push(parsed.pack);
  }
  if (names.length === 0) problems.push(`${dir}: no *.yaml rule packs found`);
  return compilePacks(packs, { packs: [], rules: [], problems });
}

/** The built-in packs, validated and stored as stamped JSON by the build (see scripts/compile-rules.ts). */
export const COMPILED_RULES_FILE = join(PACKAGE_ROOT, 'dist', 'rules.json');

/** Names of the built-in pack files, sorted (the sensitive-file catalogue is not a pack). */
export function builtinPackNames(): string[] {
  return readdirSync(BUILTIN_RULES_DIR)
    .filter((n) => /\.ya?ml$/.test(n) && n !== 'sensitive-files.yaml')
    .sort();
}

/** The digest of the built-in packs as they are now: what the stamp of COMPILED_RULES_FILE must hold. */
export function digestBuiltinPacks(names = builtinPackNames()): string {
  return digestFiles(BUILTIN_RULES_DIR, names);
}

/** The compiled packs when their stamp proves them built from the packs as they are now; else why not. */
function readCompiledPacks(): { packs: RulePack[]; origin: string } | { reason: string } {
  const read = readFreshCompiledJson({
    file: COMPILED_RULES_FILE,
    digestSources: () => digestBuiltinPacks(),
    sourcesName: 'the rule packs',
    isPayload: (payload): payload is RulePack[] => Array.isArray(payload),
    payloadName: 'a list of packs',
  });
  if ('reason' in read) return read;
  const packs = read.payload;
  return { packs, origin: `${relative(PACKAGE_ROOT, COMPILED_RULES_FILE)} (${packs.length} packs; ${describeStamp(read.stamp)})` };
}

/**
 * Loads the built-in packs: from the JSON the build wrote (parsing YAML costs a pre-commit hook
 * about 100 ms) when its stamp matches the packs' content, else from the YAML. `origin` says which,
 * and why the JSON was passed over. Any problem is a RulePackError.
 */
export async function loadBuiltinRules(): Promise<LoadedRules> {
  const compiled = readCompiledPacks();
  let loaded: LoadedRules;
  if ('packs' in compiled) loaded = { ...compilePacks(compiled.packs), origin: compiled.origin };
  else {
    loaded = await loadRulePacksFrom(BUILTIN_RULES_DIR, PACKAGE_ROOT);
    loaded.origin = parsedBecause(`${loaded.packs.length} YAML packs in ${BUILTIN_RULES_DIR}`, relative(PACKAGE_ROOT, COMPILED_RULES_FILE), compiled.reason);
  }
  if (loaded.problems.length > 0) throw new RulePackError(loaded.problems);
  return loaded;
}
