import { addAuditFindings, auditChecksFor, loadCatalogue } from '../sensitive-files/index.js';
import { configRisks, kindPolicyFrom, loadConfig, pathAllowlistFrom, selectRules, suppressionFrom, DEFAULT_MAX_FILE_SIZE } from '../config/index.js';
import { scanChunks, type ScanInput } from '../engine/index.js';
import type { ScanResult } from '../findings/index.js';
import { applySuppressions, describeSuppressions, loadSuppressions } from '../suppress/index.js';
import { ConfigError, UsageError } from '../errors.js';
import { loadBuiltinRules, type Rule } from '../rules/index.js';
import { commitFileReader, findRepository, type ReadOutcome } from '../sources/index.js';
import { performance } from 'node:perf_hooks';
import { MAX_PLACES_PER_VALUE, RETAINED_INPUT_BYTES, RetainedInputs, sweepFoundValues, withEveryPlace, type EveryPlace } from './every-place.js';
import { openSource, type Source } from './open-source.js';
import { armScanStop } from './scan-stop.js';
import { scannerFor } from './scanner-for.js';
import type { CompletedScan, ScanOptions, ScanProgress } from './types.js';

/** The largest file scanned in one piece: its text must fit in one JavaScript string (512 MiB less a little). */
export const MAX_SCANNABLE_SIZE = 512 * 1024 * 1024 - 1024;

/**
 * The second pass: every other place the found values sit, in what the scan kept of its inputs,
 * or in its source read again when it read too much to keep. Nothing when nothing was found.
 * A history audit matches each blob under the first path it meets (allowlists apply per path
 * later): values found only under an allowlisted path (test fixtures) are not looked for.
 */
async function findEveryPlace(scanned: ScanResult, values: ReadonlyMap<string, string>, context: { retained: RetainedInputs; source: Source; isPathSuppressed: (path: string) => boolean; signal: AbortSignal; log: (line: string) => void }): Promise<EveryPlace> {
  const { retained, source, signal, log } = context;
  const findings = source.kind === 'history' ? scanned.findings.filter((finding) => !context.isPathSuppressed(finding.path)) : scanned.findings;
  if (findings.length === 0 || signal.aborted) return { places: new Map(), omitted: 0 };
  const started = performance.now();
  const kept = retained.replay();
  const found = await sweepFoundValues(findings, values, kept ?? source.reread(), signal);
  const count = [...found.places.values()].reduce((sum, list) => sum + list.length, 0);
  log(`second pass (${kept === undefined ? 'source read again' : 'kept inputs'}): ${found.places.size} secret ids at ${count} places in ${Math.round(performance.now() - started)} ms`);
  return found;
}

const NO_PROGRESS: ScanProgress = { update: () => undefined, setTotal: () => undefined, done: () => undefined };

/**
 * Custom rules from the config get the checks built-in packs get from `rules check`: their
 * examples, and the timing on adversarial input, so a catastrophic pattern is refused (exit 2)
 * instead of hanging the scan. Built-in rules are checked when they are built.
 */
async function checkCustomRules(rules: readonly Rule[], builtin: readonly Rule[], cwd: string): Promise<void> {
  const builtinIds = new Set(builtin.map((rule) => rule.spec.id));
  const custom = rules.filter((rule) => !builtinIds.has(rule.spec.id));
  if (custom.length === 0) return;
  // Loaded only here: the checker brings worker threads that a scan without custom rules never needs.
  const { checkRules } = await import('../rule-check/index.js');
  const problems = await checkRules(custom, { cwd });
  if (problems.length > 0) throw new ConfigError(problems);
}

/**
 * The scan pipeline, the one entry point that the CLI's commands, the GitHub Action and
 * remediation share: repository, config and rules, suppression files, the source, matching
 * (on worker threads when it pays), the `.gitignore` audit and every suppression, in that order.
 * Nothing is reported or printed here. The baseline and ignore file are read before scanning, so
 * a malformed one fails fast (exit 2).
 */
export async function executeScan(options: ScanOptions): Promise<CompletedScan> {
  const { cwd, source: request } = options;
  const log = options.log ?? (() => undefined);
  const shouldUseDefaultBaseline = options.shouldUseDefaultBaseline !== false;
  log('started');
  // Independent start-up work runs together: the git call's wait overlaps reading the rules.
  const [repo, builtin, catalogue] = await Promise.all([findRepository(cwd), loadBuiltinRules(), loadCatalogue()]);
  const projectRoot = repo?.root ?? cwd;
  log(`repository: ${repo?.root ?? '(none)'}`);
  log(`built-in rules: ${builtin.origin ?? '(unknown)'}`);
  if (options.settingsCommit !== undefined && repo === undefined) throw new UsageError('the settings can be read from a commit only inside a git repository');
  const read = options.settingsCommit !== undefined && repo !== undefined ? commitFileReader(repo.root, options.settingsCommit) : undefined;
  if (read !== undefined) log(`config, baseline and ignore file read from commit ${options.settingsCommit ?? ''}`);
  // Secret-bearing file kinds are ids like rules: the config may disable or allowlist them.
  const fileKindIds = new Set(['file', ...catalogue.kinds.map((kind) => kind.spec.id)]);
  const knownIds = new Set([...builtin.rules.flatMap((rule) => [rule.spec.id, rule.provider.id]), ...fileKindIds]);
  const config = await loadConfig(projectRoot, options.config, cwd, read, knownIds);
  const rules = selectRules(builtin, config, fileKindIds);
  await checkCustomRules(rules, builtin.rules, cwd);
  log(`${rules.length} rules loaded; config ${config.file ?? '(none)'}`);
  const suppressions = await loadSuppressions({ root: projectRoot, cwd, baselineFile: options.baseline, shouldUseDefaultBaseline, ...(read === undefined ? {} : { read }) });
  for (const line of describeSuppressions(suppressions, !shouldUseDefaultBaseline)) log(line);
  const outcome: ReadOutcome = { skipped: [], problems: [] };
  const maxFileSize = options.maxFileSize ?? Math.min(config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, MAX_SCANNABLE_SIZE);
  const policy = suppressionFrom(config.allowlist);
  const source = await openSource(request, { cwd, repo, maxFileSize, outcome, isPathSuppressed: policy.isPathSuppressed, isPathAllowlisted: pathAllowlistFrom(config.allowlist) });
  log(`${source.kind} scan under ${source.root}${source.size === undefined ? '' : `: ${source.size} files`}`);
  const scanner = await scannerFor({ source, rules, config, policy, threads: options.threads, shouldRevealSecrets: options.shouldRevealSecrets === true, log });
  const progress = options.progressFor?.(source.kind);
  if (source.size !== undefined) progress?.setTotal(source.size);
  else if (progress !== undefined) void source.countTotal?.().then(progress.setTotal, () => undefined);
  const shown = progress ?? NO_PROGRESS;
  const stop = armScanStop(options.timeoutSeconds, options.onInterrupt);
  let scanned: ScanResult;
  let everyPlace: EveryPlace;
  let binaryInputs = 0;
  try {
    // Raw values of the findings, by secret id: held for the second pass only, then let go.
    const values = new Map<string, string>();
    const retained = new RetainedInputs(options.retainBytes ?? RETAINED_INPUT_BYTES);
    try {
      const onBinary = (input: ScanInput): void => {
        binaryInputs++;
        source.onBinary?.(input);
      };
      const hooks = { onProgress: shown.update, signal: stop.signal, onBinary, onFound: (id: string, secret: string) => void values.set(id, secret) };
      scanned = await scanChunks(retained.through(source.chunks), scanner, hooks);
    } finally {
      shown.done();
      await scanner.close();
    }
    everyPlace = await findEveryPlace(scanned, values, { retained, source, isPathSuppressed: policy.isPathSuppressed, signal: stop.signal, log });
    values.clear();
  } finally {
    stop.dispose();
  }
  scanned.suppressed.paths += source.suppressedPaths ?? 0;
  const stopped = stop.reason();
  if (stopped !== undefined) outcome.problems.push({ path: source.root, message: stopped });
  if (everyPlace.omitted > 0) scanned.notices = [...(scanned.notices ?? []), `${everyPlace.omitted} more places holding a found secret were not listed (at most ${MAX_PLACES_PER_VALUE} per secret)`];
  // History audits count binary blobs in their own notice.
  if (binaryInputs > 0 && source.kind !== 'history') scanned.notices = [...(scanned.notices ?? []), `${binaryInputs} binary ${binaryInputs === 1 ? 'file' : 'files'}: printable strings scanned, with the provider rules only`];
  if (source.finish === undefined) scanned.findings = withEveryPlace(scanned.findings, everyPlace.places);
  const result = source.finish === undefined ? scanned : await source.finish(scanned, everyPlace.places);
  result.skipped = outcome.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  result.problems = outcome.problems;
  result.isPartial = result.problems.length > 0;
  log(`scanned ${result.stats.chunks} chunks (${result.stats.bytes} characters) in ${result.stats.durationMs} ms`);
  const isWholeTree = request.kind === 'tree' && request.paths.length === 0 && source.root === repo?.root;
  const checks = options.shouldAuditGitignore === false || source.kind === 'commit-msg' ? [] : auditChecksFor({ kind: source.kind, isWholeTree, isBare: repo?.isBare === true });
  const range = request.kind === 'range' ? { range: request.range } : {};
  if (repo !== undefined && checks.length > 0) await addAuditFindings(result, { root: repo.root, checks, ...range, policy: kindPolicyFrom(config, policy), log });
  const committed = source.committedPaths;
  if (committed !== undefined) result.findings = result.findings.filter((finding) => committed.has(finding.path));
  const applied = applySuppressions(result, suppressions);
  // A clean report means nothing when no rule ran or the allowlist lets everything through: say so.
  const risks = configRisks(config, rules);
  if (risks.length > 0) applied.result.notices = [...(applied.result.notices ?? []), ...risks];
  return { result: applied.result, rules, root: source.root, projectRoot, repo, sourceKind: source.kind, suppressions, unused: applied.unused };
}
