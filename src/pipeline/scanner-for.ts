import { availableParallelism } from 'node:os';
import type { Config } from '../config/index.js';
import { relative } from 'node:path';
import { COMPILED_AUTOMATON_FILE, createBinaryScanner, createMatcher, inProcessScanner, readBuiltinAutomaton, type ChunkScanner, type Matcher, type SuppressionPolicy } from '../engine/index.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { Rule } from '../rules/index.js';
import type { Source } from './open-source.js';

/** Working-tree scans of fewer files than this stay on one thread: workers cost more to start. */
const PARALLEL_TREE_FILES = 256;

/**
 * Worker threads for matching. By default one fewer than the cores (the main thread reads git's
 * output meanwhile), at most 4, and none on a single core; 0 = match on the main thread. A request
 * for more threads than cores gets as many as there are cores: more only adds memory and switching.
 */
export function threadsOf(requested: number | undefined, cores = availableParallelism()): number {
  return requested === undefined ? Math.min(Math.max(cores - 1, 0), 4) : Math.min(requested, cores);
}

/**
 * Whether the config brings patterns of its own (custom rules, allowlist regexes). They passed the
 * load-time checks, but a polynomial one can still be slow on some input, and a regex running on
 * this thread cannot be interrupted: neither `--timeout` nor Ctrl-C could end the scan.
 */
function hasUserPatterns(config: Config): boolean {
  return config.customPacks.length > 0 || config.allowlist.some((entry) => entry.regexes !== undefined);
}

/**
 * Worker threads for history audits and large trees when more than one thread is allowed; in every
 * mode when the config brings patterns of its own (at least one worker then, even with `--threads
 * 0`: a stop terminates a worker stuck in a regex, which it could not do on this thread);
 * otherwise (and when the compiled worker is unavailable) this thread. A history blob is matched
 * once under one of its paths, so whole-path allowlists are applied later, per path it was
 * committed at (see groupBySecret), not by the matcher.
 */
export async function scannerFor(options: {
  source: Source;
  rules: Rule[];
  config: Config;
  policy: SuppressionPolicy;
  threads: number | undefined;
  shouldRevealSecrets: boolean;
  maxFindings: number;
  log: (line: string) => void;
}): Promise<ChunkScanner & { matcher?: Matcher }> {
  const { source, rules, config, policy, shouldRevealSecrets, maxFindings, log } = options;
  const isHistory = source.kind === 'history';
  const isUserPatterned = hasUserPatterns(config);
  const threads = isUserPatterned ? Math.max(threadsOf(options.threads), 1) : threadsOf(options.threads);
  const isLarge = isHistory || (source.kind === 'tree' && (source.size ?? 0) >= PARALLEL_TREE_FILES);
  // The pool's module is loaded only when a pool is wanted: worker threads cost a small scan (the
  // pre-commit hook) start-up time.
  const isPooled = threads > 0 && (isLarge || isUserPatterned);
  const parallel = isPooled ? await import('../parallel/index.js') : undefined;
  const setup = parallel === undefined ? undefined : { packs: parallel.packsOf(rules), allowlist: config.allowlist, shouldSkipPathSuppression: isHistory, shouldRevealSecrets, shouldKeepValues: true, maxFindings };
  const pool = parallel === undefined || setup === undefined ? undefined : parallel.workerPoolScanner(threads, setup);
  log(pool === undefined ? 'matching on this thread' : `matching on ${threads} worker threads${isUserPatterned && !isLarge ? ' (the config has patterns of its own: a stop can end them there)' : ''}`);
  if (pool !== undefined) return pool;
  if (isUserPatterned) log("the worker script is missing: the config's own patterns run on this thread, where --timeout and Ctrl-C cannot interrupt them");
  const suppression = isHistory ? { ...policy, isPathSuppressed: () => false } : policy;
  const matcher = createMatcher(rules, { suppression, shouldRevealSecrets, shouldKeepValues: true, maxFindings, prebuiltAutomaton: readBuiltinAutomaton() });
  log(`keyword automaton: ${matcher.usesPrebuiltAutomaton ? relative(PACKAGE_ROOT, COMPILED_AUTOMATON_FILE) : 'built at start-up (the stored one is missing, damaged or for other keywords)'}`);
  // The matcher is handed out too: the file-name check reuses it rather than building its own.
  return Object.assign(inProcessScanner(matcher, createBinaryScanner(rules, { suppression, shouldRevealSecrets, shouldKeepValues: true })), { matcher });
}
