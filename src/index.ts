// secretscan's library API: scan text with the built-in (or your own) rules and render reports.
export type { Chunk, Matcher, MatcherOptions, SourceKind, SuppressionPolicy } from './engine/index.js';
export { createMatcher, scanChunks } from './engine/index.js';
export type { Finding, ScanResult, Severity, SkippedFile } from './findings/index.js';
export { fingerprintOf, redact, secretIdOf } from './findings/index.js';
export type { Rule, RulePack, RuleSpec } from './rules/index.js';
export { loadBuiltinRules, loadRulePacksFrom } from './rules/index.js';
export { checkRules } from './rule-check/index.js';
export type { Config } from './config/index.js';
export { loadConfig, parseConfig, selectRules } from './config/index.js';
export { INLINE_ALLOW_MARKER, suppressionFrom } from './suppress/index.js';
export type { ReportContext, Reporter } from './reporters/index.js';
export { REPORT_FORMATS, reporterFor } from './reporters/index.js';
export { ConfigError, GitError, RulePackError, ScanError, UsageError } from './errors.js';
export { run } from './cli/run.js';
