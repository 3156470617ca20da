import { readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { RulePackError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { loadYamlSupport, parseYamlDocument } from '../rules/index.js';
import { checkCatalogueExamples } from './check-examples.js';
import { compileKind } from './compile-kind.js';
import type { Catalogue, SensitiveFileSpec } from './types.js';
import { validateCatalogue } from './validate-catalogue.js';

/** The built-in catalogue of secret-bearing files. */
export const CATALOGUE_FILE = join(PACKAGE_ROOT, 'rules', 'sensitive-files.yaml');

/** Parses and validates catalogue text; `problems` lists every one (schema, regexes, examples). */
export function parseCatalogue(text: string, file: string): { catalogue: Catalogue; problems: string[] } {
  const doc = parseYamlDocument(text, file);
  if (doc.errors.length > 0) return { catalogue: { file, kinds: [] }, problems: doc.errors };
  const { entries, problems } = validateCatalogue(doc.value, doc.lineOf, file);
  const catalogue: Catalogue = { file, kinds: entries.map((entry) => compileKind(entry.spec, entry.line)) };
  return { catalogue, problems: [...problems, ...checkCatalogueExamples(catalogue)] };
}

/** Reads and checks a catalogue file (default: the built-in one), listing every problem. */
export async function checkCatalogueFile(file = CATALOGUE_FILE, displayBase = '.'): Promise<{ catalogue: Catalogue; problems: string[] }> {
  await loadYamlSupport();
  const shown = relative(displayBase, file);
  return parseCatalogue(await readFile(file, 'utf8'), shown === '' || shown.startsWith('..') ? file : shown);
}

/** The catalogue's validated entries as JSON, written by the build (scripts/compile-rules.ts). */
export const COMPILED_CATALOGUE_FILE = join(PACKAGE_ROOT, 'dist', 'sensitive-files.json');

/** Validated entries of the catalogue file (no example checks: the build, tests and `rules check` run those). */
export async function catalogueEntries(file = CATALOGUE_FILE): Promise<{ specs: { spec: SensitiveFileSpec; line: number }[]; problems: string[] }> {
  await loadYamlSupport();
  const shown = relative(PACKAGE_ROOT, file);
  const doc = parseYamlDocument(await readFile(file, 'utf8'), shown);
  if (doc.errors.length > 0) return { specs: [], problems: doc.errors };
  const { entries, problems } = validateCatalogue(doc.value, doc.lineOf, shown);
  return { specs: entries.map((entry) => ({ spec: entry.spec, line: entry.line })), problems };
}

/** The compiled entries when they exist and are newer than the catalogue file. */
async function readCompiledEntries(): Promise<{ spec: SensitiveFileSpec; line: number }[] | undefined> {
  try {
    const [compiled, source] = await Promise.all([stat(COMPILED_CATALOGUE_FILE), stat(CATALOGUE_FILE)]);
    if (source.mtimeMs > compiled.mtimeMs) return undefined;
    return JSON.parse(await readFile(COMPILED_CATALOGUE_FILE, 'utf8')) as { spec: SensitiveFileSpec; line: number }[];
  } catch {
    return undefined;
  }
}

let builtin: Promise<Catalogue> | undefined;

/**
 * The built-in catalogue, loaded once: from the JSON the build wrote (the pre-commit hook then
 * parses no YAML), else from the YAML. A broken one is a RulePackError (exit 2).
 */
export function loadCatalogue(): Promise<Catalogue> {
  builtin ??= (async () => {
    const compiled = await readCompiledEntries();
    const { specs, problems } = compiled === undefined ? await catalogueEntries() : { specs: compiled, problems: [] };
    if (problems.length > 0) throw new RulePackError(problems);
    return { file: relative(PACKAGE_ROOT, CATALOGUE_FILE), kinds: specs.map(({ spec, line }) => compileKind(spec, line)) };
  })();
  return builtin;
}
