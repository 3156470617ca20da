export type { ProviderRemediation, ProviderSpec, Rule, RulePack, RuleSpec } from './types.js';
export type { LoadedRules } from './load.js';
export type { YamlDocument } from './yaml-document.js';
export { BUILTIN_RULES_DIR, COMPILED_RULES_FILE, compilePacks, loadBuiltinRules, loadRulePacksFrom, parsePack } from './load.js';
export { validatePack } from './validate-pack.js';
export { loadYamlSupport, parseYamlDocument } from './yaml-document.js';
export { compilePathPatterns, globProblem } from './path-glob.js';
export { exponentialBacktrackingProblem } from './speed/ambiguity.js';
