import { relative, resolve, sep } from 'node:path';
import { UsageError } from '../../errors.js';
import type { Finding } from '../../findings/index.js';
import {
  DEFAULT_REPLACEMENTS_FILE,
  formatLocatedMarkdown,
  formatLocatedText,
  locateSecret,
  planForLocation,
  replacementLines,
  type LocatedPlan,
  type SecretEvidence,
} from '../../remediation/index.js';
import type { Rule } from '../../rules/index.js';
import { findRepository, type Repository } from '../../sources/index.js';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { writeFileSafely } from '../../safe-fs/index.js';
import { executeScan, type ScanFlags } from './scan.js';

/** `secretscan remediate`: usage, options and examples. */
export const REMEDIATE_COMMAND: CommandSpec = {
  usage: 'secretscan remediate [PATH...] [--staged | --range BASE..HEAD | --history] [options]',
  summary: 'Print a plan per leaked secret, for where it lives: rotate first, then remove, rewrite or purge, prevent, verify.',
  positionals: { description: 'PATH: plan only for secrets in these files or directories (default: every secret in the working tree, the index and history)', max: Number.POSITIVE_INFINITY },
  options: [
    { name: 'staged', type: 'boolean', default: false, description: 'plan only for secrets the index adds' },
    { name: 'range', type: 'string', valueName: 'BASE..HEAD', description: 'plan only for secrets the commits of the range add' },
    { name: 'history', type: 'boolean', default: false, description: 'plan only for secrets in committed history' },
    { name: 'format', short: 'f', type: 'string', valueName: 'FORMAT', choices: ['text', 'markdown'], default: 'text', description: 'plan format' },
    { name: 'config', short: 'c', type: 'string', valueName: 'FILE', description: 'config file (default: .secretscan.yaml at the repository root)' },
    { name: 'write-replacements', type: 'string', valueName: 'FILE', description: 'write the raw values as `git filter-repo --replace-text` input to FILE (mode 0600, outside the repository)' },
    { name: 'debug', type: 'boolean', default: false, description: 'log scans and timings to stderr (never secret values)' },
  ],
  examples: [
    ['secretscan remediate', 'a plan for every secret in the working tree, the index and history'],
    ['secretscan remediate --format markdown > FIXING.md', 'the same as Markdown'],
    ['secretscan remediate --write-replacements ../replacements.txt', 'also write the input for `git filter-repo --replace-text`'],
  ],
};

type Mode = 'all' | 'staged' | 'range' | 'history';

interface RemediateFlags {
  mode: Mode;
  paths: string[];
  range?: string;
  format: 'text' | 'markdown';
  config?: string;
  replacements?: string;
  debug: boolean;
}

function remediateFlagsOf(args: ParsedArgs): RemediateFlags {
  const { values } = args;
  const chosen = (['staged', 'range', 'history'] as const).filter((name) => values[name] !== undefined && values[name] !== false);
  if (chosen.length > 1) throw new UsageError(`choose one of --${chosen.join(', --')}`);
  const mode: Mode = chosen[0] ?? 'all';
  if (mode !== 'all' && args.positionals.length > 0) throw new UsageError(`--${mode} cannot be combined with paths`);
  const flags: RemediateFlags = { mode, paths: args.positionals, format: values.format === 'markdown' ? 'markdown' : 'text', debug: values.debug === true };
  if (typeof values.range === 'string') flags.range = values.range;
  if (typeof values.config === 'string') flags.config = values.config;
  if (typeof values['write-replacements'] === 'string') flags.replacements = values['write-replacements'];
  return flags;
}

/** The scans a plan needs, keyed by what they are for. */
interface Scans {
  targets: Finding[];
  evidence: Map<string, SecretEvidence>;
  rules: Rule[];
  root: string;
  secrets: Map<string, Set<string>>;
  isPartial: boolean;
}

function evidenceOf(evidence: Map<string, SecretEvidence>, secretId: string): SecretEvidence {
  let found = evidence.get(secretId);
  if (found === undefined) evidence.set(secretId, (found = {}));
  return found;
}

function addTo(evidence: SecretEvidence, key: 'workingTree' | 'staged' | 'other', finding: Finding): void {
  evidence[key] = [...(evidence[key] ?? []), finding];
}

/**
 * Runs the scans: the one the flags choose (its findings are what gets a plan) and, in a
 * repository, the working tree, index and history for where each secret lives. With `reveal`
 * the raw values are collected into `secrets` and removed from the findings straight away.
 */
async function runScans(flags: RemediateFlags, repo: Repository | undefined, io: Io, log: (line: string) => void, reveal: boolean): Promise<Scans> {
  // The .gitignore audit's findings are about files, not secret values: `secretscan gitignore` plans for those.
  const base: ScanFlags = { format: 'text', 'show-secrets': reveal, debug: flags.debug, paths: [], stdin: false, staged: false, history: false, 'no-gitignore-audit': true };
  if (flags.config !== undefined) base.config = flags.config;
  const scans: Scans = { targets: [], evidence: new Map(), rules: [], root: repo?.root ?? io.cwd, secrets: new Map(), isPartial: false };
  const run = async (extra: Partial<ScanFlags>, label: string): Promise<Finding[]> => {
    log(`remediate: ${label} scan`);
    const scan = await executeScan({ ...base, ...extra }, io, log);
    scans.rules = scan.rules;
    scans.root = scan.root;
    scans.isPartial ||= scan.result.isPartial;
    return scan.result.findings.map((finding) => {
      if (finding.secret !== undefined) {
        const values = scans.secrets.get(finding.secretId) ?? new Set<string>();
        values.add(finding.secret);
        scans.secrets.set(finding.secretId, values);
      }
      const { secret: _secret, ...redacted } = finding;
      return redacted;
    });
  };
  const isWorkTree = repo !== undefined && !repo.isBare;
  const tree = repo?.isBare === true ? [] : await run({ paths: flags.paths }, 'working tree');
  const staged = isWorkTree ? await run({ staged: true }, 'staged') : [];
  const history = repo !== undefined ? await run({ history: true }, 'history') : [];
  for (const finding of tree) addTo(evidenceOf(scans.evidence, finding.secretId), 'workingTree', finding);
  for (const finding of staged) addTo(evidenceOf(scans.evidence, finding.secretId), 'staged', finding);
  for (const finding of history) evidenceOf(scans.evidence, finding.secretId).history = finding;
  if (flags.mode === 'range') {
    const range = await run({ range: flags.range ?? '' }, 'range');
    for (const finding of range) addTo(evidenceOf(scans.evidence, finding.secretId), 'other', finding);
    scans.targets = range;
  } else if (flags.mode === 'staged') scans.targets = staged;
  else if (flags.mode === 'history') scans.targets = history;
  else scans.targets = flags.paths.length > 0 ? tree : [...history, ...staged, ...tree];
  return scans;
}

const PLACE_ORDER = { pushed: 0, unpushed: 1, 'working-tree': 2 } as const;

async function locatedPlans(scans: Scans, repo: Repository | undefined, replacementsFile: string): Promise<LocatedPlan[]> {
  const representative = new Map<string, Finding>();
  for (const finding of scans.targets) if (!representative.has(finding.secretId)) representative.set(finding.secretId, finding);
  const rules = new Map(scans.rules.map((rule) => [rule.spec.id, rule]));
  const plans: LocatedPlan[] = [];
  for (const [secretId, finding] of representative) {
    const location = await locateSecret(repo?.root, scans.evidence.get(secretId) ?? { other: [finding] });
    const rule = rules.get(finding.ruleId);
    plans.push({ finding, location, plan: planForLocation({ ruleId: finding.ruleId, ruleName: finding.ruleName, ...(rule === undefined ? {} : { rule }) }, location, replacementsFile) });
  }
  return plans.sort((a, b) => PLACE_ORDER[a.location.place] - PLACE_ORDER[b.location.place] || (a.finding.path < b.finding.path ? -1 : a.finding.path > b.finding.path ? 1 : a.finding.startLine - b.finding.startLine));
}

/** Refuses a replacements file inside the working tree: it holds raw secrets and could be committed. */
function replacementsTarget(file: string, repo: Repository | undefined, io: Io): string {
  const target = resolve(io.cwd, file);
  if (repo !== undefined && !repo.isBare && (target === repo.root || target.startsWith(repo.root + sep))) {
    throw new UsageError(`--write-replacements ${file} is inside the repository: the file holds raw secrets and could be committed`, 'write it outside, e.g. ../replacements.txt');
  }
  return target;
}

/**
 * Scans, classifies each secret by where it lives, prints one plan per secret (rotate first), and
 * on request writes the `git filter-repo --replace-text` input. Exit 1 when a plan was printed.
 */
export async function runRemediate(args: ParsedArgs, io: Io, log: (line: string) => void): Promise<number> {
  const flags = remediateFlagsOf(args);
  const repo = await findRepository(io.cwd);
  if (repo === undefined && flags.mode !== 'all') throw new UsageError(`--${flags.mode} needs a git repository, and ${io.cwd} is not inside one`);
  const target = flags.replacements === undefined ? undefined : replacementsTarget(flags.replacements, repo, io);
  const scans = await runScans(flags, repo, io, log, target !== undefined);
  const shownFile = target === undefined ? DEFAULT_REPLACEMENTS_FILE : (repo === undefined ? target : relative(repo.root, target));
  const plans = await locatedPlans(scans, repo, shownFile);
  if (scans.isPartial) io.stderr.write('secretscan: warning: a scan was partial (see `secretscan scan --debug`); the plan may miss secrets\n');
  if (plans.length === 0) {
    io.stdout.write('Nothing to fix: no secrets found.\n');
    return scans.isPartial ? EXIT.userError : EXIT.clean;
  }
  const format = flags.format === 'markdown' ? formatLocatedMarkdown : formatLocatedText;
  const intro = flags.format === 'markdown' ? `# Fixing ${plans.length} leaked secret${plans.length === 1 ? '' : 's'}\n\n` : '';
  io.stdout.write(intro + plans.map((item, index) => format(item, index, plans.length)).join('\n'));
  if (target !== undefined) {
    const lines = replacementLines(plans.flatMap((item) => [...(scans.secrets.get(item.finding.secretId) ?? [])]));
    await writeFileSafely(target, lines.length === 0 ? '' : `${lines.join('\n')}\n`, { mode: 0o600 });
    io.stderr.write(`secretscan: wrote ${lines.length} replacement line${lines.length === 1 ? '' : 's'} to ${target} (mode 0600): it holds the raw secrets, delete it after use\n`);
  }
  return scans.isPartial ? EXIT.userError : EXIT.findings;
}
