import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { formatColumns } from '../../format-columns.js';
import { sealedGitEnv } from '../git-fixture.js';
import { interleave } from '../interleave.js';
import { findingsOfJsonReport } from '../match-planted.js';
import { expectStatus, nodeStartupNotes, runCommand, type NodeRun } from '../run-node.js';
import { resolveBenchNode } from '../staged/bench-node.js';
import { buildStagedRepo } from '../staged/build-staged-repo.js';
import { initHook, installTarball, packPackage, type InstalledHook } from '../staged/install-package.js';
import { parseStagedOptions, STAGED_USAGE, type StagedBenchOptions } from '../staged/staged-options.js';
import { percentileOf } from '../stats.js';
import type { BenchContext } from '../target.js';

// Latency of the pre-commit hook on a typical change, as installed: this checkout packed with
// `npm pack`, installed as a devDependency of a project, the hook written by the installed
// `secretscan init`. Against a floor of what it cannot avoid: starting Node, and git computing
// the staged diff (two separately timed processes, `node -e 0` and `git diff --cached ...`).
// The development clone's own `dist/cli/bin.mjs` is timed beside them for comparison.

const DIFF_ARGS = ['diff', '--cached', '-U0', '--no-ext-diff', '--no-textconv'];
/** The target: the installed hook command's median at most this much above the floor's. */
const BUDGET_MS = 40;

interface Sample {
  wallMs: number;
  parts: number[];
}

/** Where and how the commands run. */
interface Setup {
  project: string;
  node: string;
  env: NodeJS.ProcessEnv;
  hook: InstalledHook;
  cliPath: string;
}

function runFloor(setup: Setup): Sample {
  const node = expectStatus(runCommand(setup.node, ['-e', '0'], { cwd: setup.project, env: setup.env }), [0], 'node -e 0');
  const diff = expectStatus(runCommand('git', DIFF_ARGS, { cwd: setup.project, env: sealedGitEnv() }), [0], 'git diff --cached');
  return { wallMs: node.wallMs + diff.wallMs, parts: [node.wallMs, diff.wallMs] };
}

/** The hook's command: `./node_modules/.bin/secretscan scan --staged` (npm's link to the installed CLI). */
function runInstalled(setup: Setup, extra: readonly string[] = []): NodeRun {
  const bin = join(setup.project, 'node_modules', '.bin', 'secretscan');
  return expectStatus(runCommand(bin, ['scan', '--staged', ...extra], { cwd: setup.project, env: setup.env, shouldCaptureStdout: extra.length > 0 }), [0, 1], 'the installed scan');
}

/** The hook file as it runs at commit time: husky 9 starts it with `sh -e`, git executes it. */
function runHook(setup: Setup): NodeRun {
  const [command, args] = setup.hook.isHusky ? ['sh', ['-e', setup.hook.path]] : [setup.hook.path, []];
  return expectStatus(runCommand(command, args, { cwd: setup.project, env: setup.env }), [0], 'the installed hook');
}

function runClone(setup: Setup): NodeRun {
  return expectStatus(runCommand(setup.node, [setup.cliPath, 'scan', '--staged'], { cwd: setup.project, env: setup.env }), [0, 1], 'the clone scan');
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const row = (name: string, values: readonly number[]): string[] => [name, ms(percentileOf(values, 50)), ms(percentileOf(values, 95)), ms(Math.min(...values)), ms(Math.max(...values))];
const overFloor = (values: readonly number[], floor: readonly number[], p: number): string => ms(percentileOf(values, p) - percentileOf(floor, p));

function report(ctx: BenchContext, samples: Map<string, Sample[]>): void {
  const wall = (name: string): number[] => (samples.get(name) ?? []).map((s) => s.wallMs);
  const floor = samples.get('floor') ?? [];
  formatColumns(
    [
      ['command', 'p50', 'p95', 'min', 'max'],
      row('floor (sum)', wall('floor')),
      row(
        '  node -e 0',
        floor.map((s) => s.parts[0] ?? 0),
      ),
      row(
        '  git diff --cached',
        floor.map((s) => s.parts[1] ?? 0),
      ),
      row('installed: hook command', wall('installed')),
      row('installed: hook file', wall('hook')),
      row('clone: dist/cli/bin.mjs', wall('clone')),
    ],
    'lr',
  ).forEach((line) => ctx.print(line));
  const over = percentileOf(wall('installed'), 50) - percentileOf(wall('floor'), 50);
  ctx.print('');
  ctx.print(`installed hook command - floor: p50 ${ms(over)}, p95 ${overFloor(wall('installed'), wall('floor'), 95)} (target: p50 at most ${BUDGET_MS} ms: ${over <= BUDGET_MS ? 'met' : 'NOT met'})`);
  ctx.print(`installed hook file - floor: p50 ${overFloor(wall('hook'), wall('floor'), 50)}, p95 ${overFloor(wall('hook'), wall('floor'), 95)}`);
  ctx.print(`clone - floor: p50 ${overFloor(wall('clone'), wall('floor'), 50)}, p95 ${overFloor(wall('clone'), wall('floor'), 95)}`);
}

/** Builds the project: repository and staged change, the packed package installed, the hook. */
function prepare(ctx: BenchContext, options: StagedBenchOptions, scratch: string, node: string): Setup {
  const project = join(scratch, 'project');
  const built = buildStagedRepo(project, scratch, options.seed);
  ctx.print(`repository: ${built.files} files, ${built.commits} commits; staged: ${built.stagedFiles} files, +${built.addedLines} -${built.removedLines} lines (seed ${options.seed})`);
  const packDir = join(scratch, 'pack');
  mkdirSync(packDir);
  const tarball = packPackage(resolve(dirname(ctx.cliPath), '..', '..'), packDir);
  installTarball(project, tarball);
  // The installed CLI starts with `#!/usr/bin/env node`: the chosen Node comes first on PATH.
  const env = { ...process.env, NO_COLOR: '1', PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` };
  const hook = initHook(project, env);
  ctx.print(`installed: npm pack, then npm install -D of the tarball; hook: ${hook.how}`);
  return { project, node, env, hook, cliPath: ctx.cliPath };
}

function measure(ctx: BenchContext, options: StagedBenchOptions, scratch: string): number {
  const cpu = cpus();
  const node = resolveBenchNode(options.node);
  ctx.print(`secretscan bench staged: node ${node.version} (${node.path}), ${process.platform}-${process.arch}, ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}`);
  nodeStartupNotes().forEach((line) => ctx.print(line));
  const setup = prepare(ctx, options, scratch, node.path);
  // Untimed warm-up of each; the JSON run also tells whether the change (which holds no secrets) is clean.
  const findings = findingsOfJsonReport(runInstalled(setup, ['--format', 'json']).stdout);
  const origin = runInstalled(setup, ['--debug'])
    .stderr.split('\n')
    .find((line) => line.includes('built-in rules:'));
  ctx.print(`installed scan --debug: ${origin?.replace(/^.*built-in rules: /, 'built-in rules from ') ?? '(no line about the rules)'}`);
  runFloor(setup);
  runHook(setup);
  runClone(setup);
  const samples = interleave<Sample>(
    [
      { name: 'floor', run: () => runFloor(setup) },
      { name: 'installed', run: () => ({ wallMs: runInstalled(setup).wallMs, parts: [] }) },
      { name: 'hook', run: () => ({ wallMs: runHook(setup).wallMs, parts: [] }) },
      { name: 'clone', run: () => ({ wallMs: runClone(setup).wallMs, parts: [] }) },
    ],
    options.runs,
  );
  ctx.print(`timing: ${options.runs} runs each, interleaved (ABBA order), after one warm-up run each; wall time of whole processes, stdout to /dev/null`);
  ctx.print(`floor = \`node -e 0\` + \`git ${DIFF_ARGS.join(' ')}\`, one after the other`);
  ctx.print('hook command = ./node_modules/.bin/secretscan scan --staged; hook file = the pre-commit hook as git or husky starts it');
  ctx.print('');
  report(ctx, samples);
  ctx.print(`findings in the staged change: ${findings.length} (it holds no secrets, so 0 is expected)`);
  return 0;
}

/** The `staged` target: builds the project in a temp dir, measures, prints, removes it. */
export async function runBench(ctx: BenchContext): Promise<number> {
  const options = parseStagedOptions(ctx.args);
  if ('error' in options) {
    process.stderr.write(`bench staged: ${options.error}\n${STAGED_USAGE}\n`);
    return 2;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'secretscan-bench-staged-'));
  try {
    return measure(ctx, options, scratch);
  } catch (error) {
    process.stderr.write(`bench staged: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
