export type { ProviderRemediation, ProviderSpec, Rule, RulePack, RuleSpec } from './types.js';
export type { LoadedRules } from './load.js';
export type { YamlDocument } from './yaml-document.js';
export { BUILTIN_RULES_DIR, COMPILED_AUTOMATON_FILE, COMPILED_RULES_FILE, compilePacks, loadBuiltinRules, loadRulePacksFrom, parsePack, readBuiltinAutomaton } from './load.js';
export { checkRules, scanExample } from './check.js';
export { validatePack } from './validate-pack.js';
export { loadYamlSupport, parseYamlDocument } from './yaml-document.js';
export { compilePathPatterns, globProblem } from './path-glob.js';
export { exponentialBacktrackingProblem } from './speed/ambiguity.js';
