import { realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../../errors.js';
import type { ScanOptions } from '../../pipeline/index.js';
import {
  buildRepositoryPlan,
  DEFAULT_REPLACEMENTS_FILE,
  findingsOfSecret,
  formatRepositoryPlanJson,
  formatRepositoryPlanMarkdown,
  formatRepositoryPlanText,
  gatherScans,
  keyNamesOf,
  planCommandFor,
  planSecretsOf,
  remotesOf,
  replacementLines,
  type RemediationMode,
  type RemediationRequest,
} from '../../remediation/index.js';
import { findRepository, type Repository } from '../../sources/index.js';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { progressOn } from '../progress.js';
import { printable, printableJson } from '../../terminal-text/index.js';
import { writeFileSafely } from '../../safe-fs/index.js';
import { VERIFY_OPTIONS, verifyFlagsOf, verifyRequestOf, type VerifyFlags } from './verify-options.js';

/** `secretscan remediate`: usage, options and examples. */
export const REMEDIATE_COMMAND: CommandSpec = {
  usage: 'secretscan remediate [PATH...] [--staged | --range BASE..HEAD | --history] [options]',
  summary: 'Print one remediation plan for every leaked secret in the repository: rotate, fix the code at HEAD, purge history with one script, force-push, verify.',
  positionals: { description: 'PATH: plan only for secrets in these files or directories (default: every secret in the working tree, the index and history)', max: Number.POSITIVE_INFINITY },
  options: [
    { name: 'staged', type: 'boolean', default: false, description: 'plan only for secrets the index adds' },
    { name: 'range', type: 'string', valueName: 'BASE..HEAD', description: 'plan only for secrets the commits of the range add' },
    { name: 'history', type: 'boolean', default: false, description: 'plan only for secrets in committed history' },
    { name: 'format', short: 'f', type: 'string', valueName: 'FORMAT', choices: ['text', 'markdown', 'json'], default: 'text', description: 'plan format' },
    { name: 'config', short: 'c', type: 'string', valueName: 'FILE', description: 'config file (default: .secretscan.yaml at the repository root)' },
    { name: 'write-replacements', type: 'string', valueName: 'FILE', description: 'write the raw values as `git filter-repo --replace-text` input to FILE (mode 0600, outside the repository)' },
    ...VERIFY_OPTIONS,
    { name: 'debug', type: 'boolean', default: false, description: 'log scans and timings to stderr (never secret values)' },
  ],
  examples: [
    ['secretscan remediate', 'a plan for every secret in the working tree, the index and history'],
    ['secretscan remediate --format markdown > FIXING.md', 'the same as Markdown'],
    ['secretscan remediate --format json', 'the same for scripts'],
    ['secretscan remediate --write-replacements ../replacements.txt', 'also write the input for `git filter-repo --replace-text`'],
    ['secretscan remediate --verify', 'ask each provider first: rotate what is still accepted, purge what is already rejected'],
  ],
};

interface RemediateFlags extends RemediationRequest, VerifyFlags {
  format: 'text' | 'markdown' | 'json';
  config?: string;
  replacements?: string;
  debug: boolean;
}

function remediateFlagsOf(args: ParsedArgs): RemediateFlags {
  const { values } = args;
  const chosen = (['staged', 'range', 'history'] as const).filter((name) => values[name] !== undefined && values[name] !== false);
  if (chosen.length > 1) throw new UsageError(`choose one of --${chosen.join(', --')}`);
  const mode: RemediationMode = chosen[0] ?? 'all';
  if (mode !== 'all' && args.positionals.length > 0) throw new UsageError(`--${mode} cannot be combined with paths`);
  const flags: RemediateFlags = { mode, paths: args.positionals, format: values.format === 'markdown' || values.format === 'json' ? values.format : 'text', debug: values.debug === true, ...verifyFlagsOf(values) };
  if (typeof values.range === 'string') flags.range = values.range;
  if (typeof values.config === 'string') flags.config = values.config;
  if (typeof values['write-replacements'] === 'string') flags.replacements = values['write-replacements'];
  return flags;
}

/** The options every scan of the plan shares: the config, the streams' progress and interrupt, --debug. */
function baseScanOptions(flags: RemediateFlags, io: Io, log: (line: string) => void, shouldRevealSecrets: boolean): Omit<ScanOptions, 'source'> {
  // One verification request for all the plan's scans: each secret is sent to its provider once.
  const base: Omit<ScanOptions, 'source'> = { cwd: io.cwd, shouldRevealSecrets, log, verify: verifyRequestOf(flags, io, log) };
  if (flags.config !== undefined) base.config = flags.config;
  const progressFor = progressOn(io);
  if (progressFor !== undefined) base.progressFor = progressFor;
  if (io.onInterrupt !== undefined) base.onInterrupt = io.onInterrupt;
  return base;
}

/** `path` with symlinks resolved as far as it exists (the file itself usually does not exist yet). */
async function resolvedPath(path: string): Promise<string> {
  const real = await realpath(path).catch(() => undefined);
  if (real !== undefined) return real;
  const parent = dirname(path);
  return parent === path ? path : join(await resolvedPath(parent), basename(path));
}

/**
 * Refuses a replacements file inside the working tree: it holds raw secrets and could be committed.
 * Compared after resolving symlinks, so a linked directory that leads back inside is caught too.
 */
async function replacementsTarget(file: string, repo: Repository | undefined, io: Io): Promise<string> {
  const target = resolve(io.cwd, file);
  const real = await resolvedPath(target);
  const root = await resolvedPath(repo?.root ?? '/');
  if (repo !== undefined && !repo.isBare && (real === root || real.startsWith(root + sep))) {
    throw new UsageError(`--write-replacements ${file} is inside the repository: the file holds raw secrets and could be committed`, 'write it outside, e.g. ../replacements.txt');
  }
  return target;
}

/**
 * Scans, locates each secret, and prints one plan for the whole repository (rotate, fix the code
 * at HEAD, purge with one script, force-push, verify); on request writes the `git filter-repo
 * --replace-text` input. Exit 1 when a plan was printed.
 */
export async function runRemediate(args: ParsedArgs, io: Io, log: (line: string) => void): Promise<number> {
  const flags = remediateFlagsOf(args);
  const repo = await findRepository(io.cwd);
  if (repo === undefined && flags.mode !== 'all') throw new UsageError(`--${flags.mode} needs a git repository, and ${io.cwd} is not inside one`);
  const target = flags.replacements === undefined ? undefined : await replacementsTarget(flags.replacements, repo, io);
  const scans = await gatherScans(flags, baseScanOptions(flags, io, log, target !== undefined), repo);
  const shownFile = target === undefined ? DEFAULT_REPLACEMENTS_FILE : repo === undefined ? target : relative(repo.root, target);
  const secrets = await planSecretsOf(scans, repo);
  if (scans.isPartial) io.stderr.write('secretscan: warning: a scan was partial (see `secretscan scan --debug`); the plan may miss secrets\n');
  if (secrets.length === 0) {
    io.stdout.write(flags.format === 'json' ? printableJson({ version: 2, secrets: [], steps: [] }) : 'Nothing to fix: no secrets found.\n');
    // Still write the (empty) file: a plan's commands that run after the secrets are gone must not fail.
    if (target !== undefined) await writeFileSafely(target, '', { mode: 0o600 });
    return scans.isPartial ? EXIT.userError : EXIT.clean;
  }
  const plan = buildRepositoryPlan(secrets, { command: await planCommandFor(repo?.root ?? io.cwd), replacementsFile: shownFile }, await remotesOf(repo));
  // Every format goes through terminal-text: nothing from the repository reaches the terminal raw.
  io.stdout.write(flags.format === 'json' ? formatRepositoryPlanJson(plan) : flags.format === 'markdown' ? formatRepositoryPlanMarkdown(plan) : formatRepositoryPlanText(plan));
  if (target !== undefined) {
    const { lines, unanchored } = replacementLines(secrets.map(({ finding }) => ({ values: scans.secrets.get(finding.secretId) ?? [], keys: keyNamesOf(findingsOfSecret(scans, finding.secretId)) })));
    await writeFileSafely(target, lines.length === 0 ? '' : `${lines.join('\n')}\n`, { mode: 0o600 });
    io.stderr.write(`secretscan: wrote ${lines.length} replacement line${lines.length === 1 ? '' : 's'} to ${printable(target)} (mode 0600): it holds the raw secrets, delete it after use\n`);
    if (unanchored > 0) {
      io.stderr.write(
        `secretscan: warning: ${unanchored} short value${unanchored === 1 ? '' : 's'} appear${unanchored === 1 ? 's' : ''} under no variable name: replacing ${unanchored === 1 ? 'it' : 'them'} everywhere could change unrelated text, so ${unanchored === 1 ? 'it is' : 'they are'} not in the file; edit those lines by hand\n`,
      );
    }
  }
  return scans.isPartial ? EXIT.userError : EXIT.findings;
}
