import { compilePathPatterns } from '../rules/index.js';

// The config's allowlists: which paths a scan leaves unread, which candidates the matcher drops,
// and which secret-bearing file findings the audit drops (see stages.ts for where each applies).

/** One allowlist entry. Every condition given must hold; `reason` is required so allowlists stay reviewable. */
export interface AllowlistEntry {
  reason: string;
  /** gitignore-syntax path patterns. An entry with only `paths` skips those files entirely. */
  paths?: string[];
  /** Limit the entry to these rule ids (or provider ids). */
  rules?: string[];
  /** Regexes tested against the secret. */
  regexes?: string[];
  /** Case-insensitive substrings of the secret. */
  stopwords?: string[];
}

/** What a suppression rule sees of a candidate: the only place besides Match that holds the secret. */
export interface Candidate {
  ruleId: string;
  path: string;
  secret: string;
}

/**
 * Suppression supplied by configuration. `isPathSuppressed` lets the matcher skip a whole chunk;
 * `isSuppressed` is asked about each candidate that survived the rule's own filters.
 */
export interface SuppressionPolicy {
  isPathSuppressed: (path: string) => boolean;
  isSuppressed: (candidate: Candidate) => boolean;
}

/**
 * The config's say over secret-bearing file kinds, which are ids like rules: `isKindOff` (the
 * kind's id, e.g. from `rules.disable: [file.dotenv]` or `[file]`) drops a kind, `isSuppressed`
 * (an allowlist entry whose `paths` cover the path, with or without `rules: [file.dotenv]`) drops
 * one finding.
 */
export interface KindPolicy {
  isKindOff: (id: string) => boolean;
  isSuppressed: (ruleId: string, path: string) => boolean;
}

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
export function kindPolicyFrom(config: { disabledRules: readonly string[]; allowlist: readonly AllowlistEntry[] }, policy: SuppressionPolicy = suppressionFrom(config.allowlist)): KindPolicy {
  const disabled = new Set(config.disabledRules);
  return {
    isKindOff: (id) => disabled.has(id) || disabled.has(id.split('.')[0] ?? ''),
    isSuppressed: (ruleId, path) => policy.isPathSuppressed(path) || policy.isSuppressed({ ruleId, path, secret: '' }),
  };
}
