import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatColumns } from '../../format-columns.js';
import { sealedGitEnv } from '../git-fixture.js';
import { interleave } from '../interleave.js';
import { findingsOfJsonReport } from '../match-planted.js';
import { expectStatus, nodeStartupNotes, runCommand, type NodeRun } from '../run-node.js';
import { buildStagedRepo } from '../staged/build-staged-repo.js';
import { parseStagedOptions, STAGED_USAGE, type StagedBenchOptions } from '../staged/staged-options.js';
import { percentileOf } from '../stats.js';
import { HOOK_BLOCK } from '../../../src/init/index.js';
import type { BenchContext } from '../target.js';

// Latency of the pre-commit hook's command, `scan --staged`, on a typical change, against a floor
// of what it cannot avoid: starting Node, and git computing the staged diff. The floor is the sum
// of two separately timed processes, `node -e 0` and `git diff --cached ...`; no shell in between.

const DIFF_ARGS = ['diff', '--cached', '-U0', '--no-ext-diff', '--no-textconv'];
/** The target: the scan's median at most this much above the floor's. */
const BUDGET_MS = 40;

interface Sample {
  wallMs: number;
  parts: number[];
}

function runFloor(cwd: string): Sample {
  const node = expectStatus(runCommand(process.execPath, ['-e', '0'], { cwd }), [0], 'node -e 0');
  const diff = expectStatus(runCommand('git', DIFF_ARGS, { cwd, env: sealedGitEnv() }), [0], 'git diff --cached');
  return { wallMs: node.wallMs + diff.wallMs, parts: [node.wallMs, diff.wallMs] };
}

/**
 * The hook as husky runs it: `sh -e .husky/pre-commit` (the hook `secretscan init` writes), finding
 * the scanner as `./node_modules/.bin/secretscan`, a one-line wrapper around the bundled CLI.
 */
function installHook(cliPath: string, cwd: string): void {
  mkdirSync(join(cwd, '.husky'), { recursive: true });
  writeFileSync(join(cwd, '.husky', 'pre-commit'), HOOK_BLOCK, { mode: 0o755 });
  mkdirSync(join(cwd, 'node_modules', '.bin'), { recursive: true });
  writeFileSync(join(cwd, 'node_modules', '.bin', 'secretscan'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(cliPath)} "$@"\n`, { mode: 0o755 });
}

function runHook(cwd: string): NodeRun {
  return expectStatus(runCommand('sh', ['-e', join('.husky', 'pre-commit')], { cwd }), [0], 'the husky hook');
}

function runScan(cliPath: string, cwd: string, extra: readonly string[] = []): NodeRun {
  return expectStatus(runCommand(process.execPath, [cliPath, 'scan', '--staged', ...extra], { cwd, shouldCaptureStdout: extra.length > 0 }), [0, 1], 'the scan');
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const row = (name: string, values: readonly number[]): string[] => [name, ms(percentileOf(values, 50)), ms(percentileOf(values, 95)), ms(Math.min(...values)), ms(Math.max(...values))];

function report(ctx: BenchContext, floor: readonly Sample[], scan: readonly Sample[], hook: readonly Sample[]): void {
  const floorMs = floor.map((s) => s.wallMs);
  const scanMs = scan.map((s) => s.wallMs);
  const hookMs = hook.map((s) => s.wallMs);
  formatColumns([
    ['command', 'p50', 'p95', 'min', 'max'],
    row('floor (sum)', floorMs),
    row('  node -e 0', floor.map((s) => s.parts[0] ?? 0)),
    row('  git diff --cached', floor.map((s) => s.parts[1] ?? 0)),
    row('scan --staged', scanMs),
    row('husky hook (sh -e)', hookMs),
  ], 'lr').forEach((line) => ctx.print(line));
  const over = percentileOf(scanMs, 50) - percentileOf(floorMs, 50);
  ctx.print('');
  ctx.print(`scan - floor at p50: ${ms(over)} (target: at most ${BUDGET_MS} ms: ${over <= BUDGET_MS ? 'met' : 'NOT met'})`);
  ctx.print(`hook - floor at p50: ${ms(percentileOf(hookMs, 50) - percentileOf(floorMs, 50))}, at p95: ${ms(percentileOf(hookMs, 95) - percentileOf(floorMs, 95))}`);
}

function measure(ctx: BenchContext, options: StagedBenchOptions, scratch: string): number {
  const cpu = cpus();
  ctx.print(`secretscan bench staged: node ${process.version}, ${process.platform}-${process.arch}, ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}`);
  nodeStartupNotes().forEach((line) => ctx.print(line));
  const repo = join(scratch, 'repo');
  const built = buildStagedRepo(repo, scratch, options.seed);
  ctx.print(`repository: ${built.files} files, ${built.commits} commits; staged: ${built.stagedFiles} files, +${built.addedLines} -${built.removedLines} lines (seed ${options.seed})`);
  // Untimed warm-up of both; the JSON run also tells whether the change (which holds no secrets) is clean.
  runFloor(repo);
  const findings = findingsOfJsonReport(runScan(ctx.cliPath, repo, ['--format', 'json']).stdout);
  installHook(ctx.cliPath, repo);
  runHook(repo);
  const samples = interleave<Sample>([
    { name: 'floor', run: () => runFloor(repo) },
    { name: 'scan', run: () => ({ wallMs: runScan(ctx.cliPath, repo).wallMs, parts: [] }) },
    { name: 'hook', run: () => ({ wallMs: runHook(repo).wallMs, parts: [] }) },
  ], options.runs);
  ctx.print(`timing: ${options.runs} runs each, interleaved (ABBA order), after one warm-up run each; wall time of whole processes, stdout to /dev/null`);
  ctx.print(`floor = wall time of \`node -e 0\` + wall time of \`git ${DIFF_ARGS.join(' ')}\`, run one after the other; scan = node dist/cli/bin.mjs scan --staged`);
  ctx.print('');
  ctx.print('hook = sh -e .husky/pre-commit (the hook `secretscan init` writes), the scanner found at ./node_modules/.bin/secretscan');
  report(ctx, samples.get('floor') ?? [], samples.get('scan') ?? [], samples.get('hook') ?? []);
  ctx.print(`findings in the staged change: ${findings.length} (it holds no secrets, so 0 is expected)`);
  return 0;
}

/** The `staged` target: builds the repository and change in a temp dir, measures, prints, removes it. */
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
