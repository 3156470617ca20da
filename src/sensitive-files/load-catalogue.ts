import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { RulePackError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { describeStamp, digestFiles, loadYamlSupport, parsedBecause, parseYamlDocument, readFreshCompiledJson } from '../rules/index.js';
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

/** The digest of the catalogue file as it is now: what the stamp of COMPILED_CATALOGUE_FILE must hold. */
export function digestCatalogue(): string {
  return digestFiles(dirname(CATALOGUE_FILE), [basename(CATALOGUE_FILE)]);
}

/** The compiled entries when their stamp proves them built from the catalogue as it is now; else why not. */
function readCompiledEntries(): { specs: { spec: SensitiveFileSpec; line: number }[]; origin: string } | { reason: string } {
  const read = readFreshCompiledJson({
    file: COMPILED_CATALOGUE_FILE,
    digestSources: digestCatalogue,
    sourcesName: 'the catalogue',
    isPayload: (payload): payload is { spec: SensitiveFileSpec; line: number }[] => Array.isArray(payload),
    payloadName: 'a list of entries',
  });
  if ('reason' in read) return read;
  return { specs: read.payload, origin: `${relative(PACKAGE_ROOT, COMPILED_CATALOGUE_FILE)} (${describeStamp(read.stamp)})` };
}

let builtin: Promise<Catalogue> | undefined;

/**
 * The built-in catalogue, loaded once: from the JSON the build wrote (the pre-commit hook then
 * parses no YAML) when its stamp matches the catalogue's content, else from the YAML. `origin`
 * says which. A broken one is a RulePackError (exit 2).
 */
export function loadCatalogue(): Promise<Catalogue> {
  builtin ??= (async () => {
    const compiled = readCompiledEntries();
    const { specs, problems } = 'specs' in compiled ? { specs: compiled.specs, problems: [] } : await catalogueEntries();
    if (problems.length > 0) throw new RulePackError(problems);
    const origin = 'origin' in compiled ? compiled.origin : parsedBecause(relative(PACKAGE_ROOT, CATALOGUE_FILE), relative(PACKAGE_ROOT, COMPILED_CATALOGUE_FILE), compiled.reason);
    return { file: relative(PACKAGE_ROOT, CATALOGUE_FILE), kinds: specs.map(({ spec, line }) => compileKind(spec, line)), origin };
  })();
  return builtin;
}
