import { writeFileSync } from 'node:fs';
import { CATALOGUE_FILE, catalogueEntries, checkCatalogueFile, COMPILED_CATALOGUE_FILE, digestCatalogue } from '../src/sensitive-files/index.js';
import { buildAutomatonTables, COMPILED_AUTOMATON_FILE, encodeAutomatonTables, keywordPlan } from '../src/engine/index.js';
import { BUILTIN_RULES_DIR, builtinPackNames, COMPILED_RULES_FILE, digestBuiltinPacks, encodeCompiledJson, loadRulePacksFrom } from '../src/rules/index.js';

// Build step: validate the built-in YAML packs and store them as JSON, which loads in a few
// milliseconds instead of the ~100 ms YAML parsing costs every scan (the pre-commit hook's budget).
// Each file is stamped with the digest of the sources it was built from (see src/rules/compiled-file.ts):
// a scan uses it only while the sources still have that digest, whatever the files' times say.
const names = builtinPackNames();
const sources = digestBuiltinPacks(names);
const loaded = await loadRulePacksFrom(BUILTIN_RULES_DIR);
if (loaded.problems.length > 0) {
  process.stderr.write(`rule packs have problems (run \`secretscan rules check\`):\n${loaded.problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exitCode = 2;
} else if (digestBuiltinPacks(names) !== sources) {
  process.stderr.write('rule packs changed while they were being compiled; run the build again\n');
  process.exitCode = 2;
} else {
  writeFileSync(COMPILED_RULES_FILE, encodeCompiledJson(sources, JSON.stringify(loaded.packs)));
  // And their keyword automaton: building it takes a hook run tens of milliseconds.
  writeFileSync(COMPILED_AUTOMATON_FILE, encodeAutomatonTables(buildAutomatonTables(keywordPlan(loaded.rules).keywords)));
  // The catalogue of secret-bearing files too (its examples are checked by tests and `rules check`).
  const catalogueSources = digestCatalogue();
  const catalogue = await checkCatalogueFile(CATALOGUE_FILE);
  if (catalogue.problems.length > 0) {
    process.stderr.write(`the sensitive-file catalogue has problems:\n${catalogue.problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exitCode = 2;
  } else {
    const { specs } = await catalogueEntries(CATALOGUE_FILE);
    writeFileSync(COMPILED_CATALOGUE_FILE, encodeCompiledJson(catalogueSources, JSON.stringify(specs)));
  }
}
