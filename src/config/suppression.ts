import type { Candidate, SuppressionPolicy } from '../engine/index.js';
import { compilePathPatterns } from '../rules/index.js';
import type { AllowlistEntry, Config } from './types.js';

interface CompiledEntry {
  matchesPath?: (path: string) => boolean;
  ruleIds?: Set<string>;
  regexes?: RegExp[];
  stopwords?: string[];
}

function compileEntry(entry: AllowlistEntry): CompiledEntry {
  const compiled: CompiledEntry = {};
  if (entry.paths !== undefined) compiled.matchesPath = compilePathPatterns(entry.paths);
  if (entry.rules !== undefined) compiled.ruleIds = new Set(entry.rules);
  if (entry.regexes !== undefined) compiled.regexes = entry.regexes.map((source) => new RegExp(source));
  if (entry.stopwords !== undefined) compiled.stopwords = entry.stopwords.map((w) => w.toLowerCase());
  return compiled;
}

function matchesRule(ruleIds: Set<string> | undefined, ruleId: string): boolean {
  return ruleIds === undefined || ruleIds.has(ruleId) || ruleIds.has(ruleId.split('.')[0] ?? '');
}

function matchesCandidate(entry: CompiledEntry, candidate: Candidate): boolean {
  if (!matchesRule(entry.ruleIds, candidate.ruleId)) return false;
  if (entry.matchesPath !== undefined && !entry.matchesPath(candidate.path)) return false;
  if (entry.regexes !== undefined && !entry.regexes.some((r) => r.test(candidate.secret))) return false;
  const secret = candidate.secret.toLowerCase();
  return entry.stopwords === undefined || entry.stopwords.some((w) => secret.includes(w));
}

/** Builds the matcher's suppression policy from the config allowlist (already validated). */
export function suppressionFrom(allowlist: readonly AllowlistEntry[]): SuppressionPolicy {
  const entries = allowlist.map(compileEntry);
  const wholePath = entries.filter((e) => e.matchesPath !== undefined && !e.ruleIds && !e.regexes && !e.stopwords);
  const rest = entries.filter((e) => !wholePath.includes(e));
  return {
    isPathSuppressed: (path) => wholePath.some((e) => e.matchesPath?.(path) === true),
    isSuppressed: (candidate) => rest.some((e) => matchesCandidate(e, candidate)),
  };
}

/**
 * Whether any allowlist entry names `path` in its `paths`, whatever else it limits (rules,
 * regexes, stopwords): content there may hold secrets that were never reported. A diff scan reads
 * a file renamed or copied out of such a path whole.
 */
export function pathAllowlistFrom(allowlist: readonly AllowlistEntry[]): (path: string) => boolean {
  const matchers = allowlist.flatMap((entry) => (entry.paths === undefined ? [] : [compilePathPatterns(entry.paths)]));
  return (path) => matchers.some((matches) => matches(path));
}

/**
 * The config's say over secret-bearing file kinds (`file.dotenv`, …), ids like any rule's:
 * `rules.disable` turns a kind (or `file`, every kind) off, and an allowlist entry whose `paths`
 * cover a path suppresses that kind's finding there, for every rule or for the kinds it names.
 */
export function kindPolicyFrom(
  config: Pick<Config, 'disabledRules' | 'allowlist'>,
  policy: SuppressionPolicy = suppressionFrom(config.allowlist),
): { isKindOff: (id: string) => boolean; isSuppressed: (ruleId: string, path: string) => boolean } {
  const disabled = new Set(config.disabledRules);
  return {
    isKindOff: (id) => disabled.has(id) || disabled.has(id.split('.')[0] ?? ''),
    isSuppressed: (ruleId, path) => policy.isPathSuppressed(path) || policy.isSuppressed({ ruleId, path, secret: '' }),
  };
}
