import { writeFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { CATALOGUE_FILE, catalogueEntries, checkCatalogueFile, COMPILED_CATALOGUE_FILE } from '../src/sensitive-files/index.js';
import { buildAutomatonTables, COMPILED_AUTOMATON_FILE, encodeAutomatonTables, keywordPlan } from '../src/engine/index.js';
import { BUILTIN_RULES_DIR, COMPILED_RULES_FILE, loadRulePacksFrom } from '../src/rules/index.js';

// Build step: validate the built-in YAML packs and store them as JSON, which loads in a few
// milliseconds instead of the ~100 ms YAML parsing costs every scan (the pre-commit hook's budget).
const loaded = await loadRulePacksFrom(BUILTIN_RULES_DIR);
if (loaded.problems.length > 0) {
  process.stderr.write(`rule packs have problems (run \`secretscan rules check\`):\n${loaded.problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exitCode = 2;
} else {
  const count = readdirSync(BUILTIN_RULES_DIR).filter((n) => /\.ya?ml$/.test(n) && n !== 'sensitive-files.yaml').length;
  writeFileSync(COMPILED_RULES_FILE, JSON.stringify({ count, packs: loaded.packs }));
  // And their keyword automaton: building it takes a hook run tens of milliseconds.
  writeFileSync(COMPILED_AUTOMATON_FILE, encodeAutomatonTables(buildAutomatonTables(keywordPlan(loaded.rules).keywords)));
  // The catalogue of secret-bearing files too (its examples are checked by tests and `rules check`).
  const catalogue = await checkCatalogueFile(CATALOGUE_FILE);
  if (catalogue.problems.length > 0) {
    process.stderr.write(`the sensitive-file catalogue has problems:\n${catalogue.problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exitCode = 2;
  } else {
    const { specs } = await catalogueEntries(CATALOGUE_FILE);
    writeFileSync(COMPILED_CATALOGUE_FILE, JSON.stringify(specs));
  }
}
