import { addAuditFindings, auditChecksFor, loadCatalogue } from '../sensitive-files/index.js';
import { type Config, configRisks, loadConfig, selectRules, DEFAULT_MAX_FILE_SIZE } from '../config/index.js';
import { scanChunks, type Matcher, type ScanInput } from '../engine/index.js';
import { compareFindings, redactResult, SEVERITIES, type ScanResult, type UnlistedFindings } from '../findings/index.js';
import { applySuppressions, describeSuppressions, kindPolicyFrom, loadSuppressions, pathAllowlistFrom, suppressionFrom } from '../suppress/index.js';
import { ConfigError, ScanError, UsageError } from '../errors.js';
import { loadBuiltinRules, type Rule } from '../rules/index.js';
import { commitFileReader, findRepository, type ReadOutcome } from '../sources/index.js';
import { scanFileNames, type FileNameScan } from './file-names.js';
import { performance } from 'node:perf_hooks';
import { MAX_PLACES_PER_VALUE, MAX_SWEPT_VALUES, RETAINED_INPUT_BYTES, RetainedInputs, sweepFoundValues, withEveryPlace, type EveryPlace } from './every-place.js';
import { openSource, type Source } from './open-source.js';
import { armScanStop } from './scan-stop.js';
import { scannerFor } from './scanner-for.js';
import type { CompletedScan, ScanOptions, ScanProgress, VerifyRequest } from './types.js';

/** Findings a scan keeps in detail unless `--max-findings` says otherwise (about 100 MB of findings and report). */
export const DEFAULT_MAX_FINDINGS = 100_000;

/** The largest file scanned in one piece: its text must fit in one JavaScript string (512 MiB less a little). */
export const MAX_SCANNABLE_SIZE = 512 * 1024 * 1024 - 1024;

/**
 * The second pass: every other place the found values sit, in what the scan kept of its inputs,
 * or in its source read again when it read too much to keep. Nothing when nothing was found.
 * A history audit matches each blob under the first path it meets (allowlists apply per path
 * later): values found only under an allowlisted path (test fixtures) are not looked for.
 */
async function findEveryPlace(
  scanned: ScanResult,
  values: ReadonlyMap<string, string>,
  context: { retained: RetainedInputs; source: Source; isPathSuppressed: (path: string) => boolean; signal: AbortSignal; log: (line: string) => void },
): Promise<EveryPlace> {
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
  // Verifying needs the raw values while matching; they are dropped again after verification unless asked for.
  const shouldVerify = options.verify !== undefined && (options.verify.isOn ?? config.verify === true);
  await checkCustomRules(rules, builtin.rules, cwd);
  log(`${rules.length} rules loaded; config ${config.file ?? '(none)'}`);
  const suppressions = await loadSuppressions({ root: projectRoot, cwd, baselineFile: options.baseline, shouldUseDefaultBaseline, ...(read === undefined ? {} : { read }) });
  for (const line of describeSuppressions(suppressions, !shouldUseDefaultBaseline)) log(line);
  const outcome: ReadOutcome = { skipped: [], problems: [] };
  const maxFileSize = options.maxFileSize ?? Math.min(config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, MAX_SCANNABLE_SIZE);
  const policy = suppressionFrom(config.allowlist);
  const source = await openSource(request, { cwd, repo, maxFileSize, outcome, isPathSuppressed: policy.isPathSuppressed, isPathAllowlisted: pathAllowlistFrom(config.allowlist) });
  log(`${source.kind} scan under ${source.root}${source.size === undefined ? '' : `: ${source.size} files`}`);
  // File names are listed while the content is scanned; they are checked with the provider rules,
  // and any token found in one is redacted from every path and message of the result (and from a
  // failure's message).
  // The names are matched by the content's matcher when it runs on this thread (building one costs
  // the pre-commit hook more than the check itself).
  let provideMatcher: (matcher: Matcher | undefined) => void = () => undefined;
  const sharedMatcher = new Promise<Matcher | undefined>((resolve) => {
    provideMatcher = resolve;
  });
  const names = Promise.all([source.visitedPaths?.() ?? Promise.resolve([]), sharedMatcher]).then(([visited, matcher]) => scanFileNames(visited, { rules, matcher, policy, shouldRevealSecrets: options.shouldRevealSecrets === true }));
  names.catch(() => undefined);
  let result: ScanResult;
  try {
    result = await scanContent(source, { options: shouldVerify ? { ...options, shouldRevealSecrets: true } : options, rules, config, policy, outcome, log, onMatcher: provideMatcher });
  } catch (error) {
    provideMatcher(undefined);
    throw await redactedError(error, names);
  }
  provideMatcher(undefined);
  const named = await names.catch((error: unknown): FileNameScan => {
    result.problems.push({ path: source.root, message: `file names not checked for tokens: ${error instanceof Error ? error.message : String(error)}` });
    result.isPartial = true;
    return { findings: [], suppressed: { allowlist: 0 }, redactText: (text) => text, hasSecrets: false };
  });
  if (named.findings.length > 0) result.findings = [...result.findings, ...named.findings].sort(compareFindings);
  result.suppressed.allowlist += named.suppressed.allowlist;
  const committed = source.committedPaths;
  if (committed !== undefined) result.findings = result.findings.filter((finding) => committed.has(finding.path));
  const applied = applySuppressions(result, suppressions);
  if (shouldVerify && options.verify !== undefined) await verifyAndRedact(applied.result, rules, options.verify, { shouldReveal: options.shouldRevealSecrets === true, log });
  // Copying every finding costs memory a finding-rich scan may not have: only when a name held a token.
  if (named.hasSecrets) applied.result = redactResult(applied.result, named.redactText);
  const unlisted = applied.result.unlisted;
  if (unlisted !== undefined) applied.result.notices = [...(applied.result.notices ?? []), unlistedNotice(unlisted)];
  // A clean report means nothing when no rule ran or the allowlist lets everything through: say so.
  const risks = configRisks(config, rules);
  if (risks.length > 0) applied.result.notices = [...(applied.result.notices ?? []), ...risks];
  return { result: applied.result, rules, root: source.root, projectRoot, repo, sourceKind: source.kind, suppressions, unused: applied.unused, isVerified: shouldVerify };
}

/** What scanning the content needs from executeScan. */
interface ContentScan {
  options: ScanOptions;
  rules: Rule[];
  config: Config;
  policy: ReturnType<typeof suppressionFrom>;
  outcome: ReadOutcome;
  log: (line: string) => void;
  /** Hears the matcher the content is matched with on this thread (undefined with worker threads). */
  onMatcher: (matcher: Matcher | undefined) => void;
}

/** Matches the source's content (on workers when it pays), with progress, time limit and the source's last step. */
async function scanContent(source: Source, context: ContentScan): Promise<ScanResult> {
  const { options, rules, config, policy, outcome, log, onMatcher } = context;
  const { source: request } = options;
  const repo = source.repo;
  const maxFindings = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const scanner = await scannerFor({ source, rules, config, policy, threads: options.threads, shouldRevealSecrets: options.shouldRevealSecrets === true, maxFindings, log });
  onMatcher(scanner.matcher);
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
      const hooks = { onProgress: shown.update, signal: stop.signal, maxFindings, onBinary, onFound: (id: string, secret: string) => void values.set(id, secret) };
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
  // Files an allowlisted path kept from being read are suppressed by path (the first stage).
  const unread = { ...scanned, suppressed: { ...scanned.suppressed, paths: scanned.suppressed.paths + (source.suppressedPaths ?? 0) } };
  const stopped = stop.reason();
  if (stopped !== undefined) outcome.problems.push({ path: source.root, message: stopped });
  const notices = [...(scanned.notices ?? [])];
  if (everyPlace.unsweptValues !== undefined) notices.push(`${everyPlace.unsweptValues} distinct secrets found, more than ${MAX_SWEPT_VALUES}: their other places were not looked for (a purge still replaces every copy)`);
  if (everyPlace.omitted > 0) notices.push(`${everyPlace.omitted} more places holding a found secret were not listed (at most ${MAX_PLACES_PER_VALUE} per secret)`);
  // History audits count binary blobs in their own notice.
  if (binaryInputs > 0 && source.kind !== 'history') notices.push(`${binaryInputs} binary ${binaryInputs === 1 ? 'file' : 'files'}: printable strings scanned, with the provider rules only`);
  const placed = { ...unread, ...(notices.length === 0 ? {} : { notices }) };
  const finished = source.finish === undefined ? { ...placed, findings: withEveryPlace(placed.findings, everyPlace.places) } : await source.finish(placed, everyPlace.places);
  const skipped = outcome.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const result: ScanResult = { ...finished, skipped, problems: outcome.problems, isPartial: outcome.problems.length > 0 };
  log(`scanned ${result.stats.chunks} chunks (${result.stats.bytes} characters) in ${result.stats.durationMs} ms`);
  const isWholeTree = request.kind === 'tree' && request.paths.length === 0 && source.root === repo?.root;
  const checks = options.shouldAuditGitignore === false || source.kind === 'commit-msg' ? [] : auditChecksFor({ kind: source.kind, isWholeTree, isBare: repo?.isBare === true });
  const range = request.kind === 'range' ? { range: request.range } : {};
  return repo !== undefined && checks.length > 0 ? await addAuditFindings(result, { root: repo.root, checks, ...range, policy: kindPolicyFrom(config, policy), log }) : result;
}

/** Asks the providers about the findings, then drops the raw values unless `--show-secrets` asked for them. */
async function verifyAndRedact(result: ScanResult, rules: readonly Rule[], verify: VerifyRequest, options: { shouldReveal: boolean; log: (line: string) => void }): Promise<void> {
  const verifiable = result.findings.filter((finding) => finding.secret !== undefined).length;
  options.log(`verify: ${verifiable} finding(s) with values`);
  try {
    await verify.verifier().verifyFindings(result.findings, rules);
  } finally {
    if (!options.shouldReveal) for (const finding of result.findings) delete finding.secret;
  }
}

/** A failure whose message and hint are free of any token found in a file name. */
async function redactedError(error: unknown, names: Promise<FileNameScan>): Promise<unknown> {
  if (!(error instanceof ScanError)) return error;
  const { redactText } = await names.catch(() => ({ redactText: (text: string) => text }));
  const message = redactText(error.message);
  const hint = error.hint === undefined ? undefined : redactText(error.hint);
  if (message === error.message && hint === error.hint) return error;
  // No `cause`: --debug prints it, with the unredacted message.
  return new ScanError(error.code, message, { exitCode: error.exitCode, ...(hint === undefined ? {} : { hint }) });
}

/** What the report says when findings were counted but not listed. */
function unlistedNotice(unlisted: UnlistedFindings): string {
  const total = unlisted.high + unlisted.medium + unlisted.low;
  const bySeverity = SEVERITIES.filter((severity) => unlisted[severity] > 0).map((severity) => `${unlisted[severity]} ${severity}`);
  return (
    `${total} more finding${total === 1 ? '' : 's'} (${bySeverity.join(', ')}) past --max-findings ${unlisted.limit} were counted, not listed; ` +
    'the baseline and ignore file were not checked against them and they fail the scan. Raise --max-findings to list them.'
  );
}
