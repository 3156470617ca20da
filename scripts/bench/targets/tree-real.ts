import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interleave } from '../interleave.js';
import { benchCacheDir } from '../real/bench-cache.js';
import { findingCounts, formatFindingCounts, formatRealTimings, type RealSamples } from '../real/format-real.js';
import { parseRealTreeOptions, REAL_TREE_USAGE, type RealTreeOptions } from '../real/real-options.js';
import { nodeModulesCorpus, pythonCorpus } from '../real/tree-corpus.js';
import { chooseRssMethod, expectStatus, nodeStartupNotes, runCommand, type NodeRun, type RssMethod } from '../run-node.js';
import { resolveBenchNode } from '../staged/bench-node.js';
import type { BenchContext } from '../target.js';

// Working-tree scans of real trees (a large node_modules, the Python standard library), timed as
// whole processes against ripgrep searching the same directory for the 35 benchmark patterns in
// scripts/bench/rg-patterns.txt. Under each Node given, in the same interleaved rounds.

/** The pattern list, read from the source tree (dist/scripts/bench/targets -> scripts/bench). */
const PATTERNS = fileURLToPath(new URL('../../../../scripts/bench/rg-patterns.txt', import.meta.url));

/** Regular files below `dir` (symlinks not followed) and their total size. */
function sizeOfTree(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        files++;
        bytes += lstatSync(path).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

function measureCorpus(ctx: BenchContext, options: RealTreeOptions, name: string, dir: string, rss: RssMethod): void {
  const { files, bytes } = sizeOfTree(dir);
  ctx.print(`${name}: ${dir}: ${files} files, ${(bytes / 1e6).toFixed(1)} MB`);
  const threads = options.threads === undefined ? [] : ['--threads', String(options.threads)];
  const rgArgs = ['--no-unicode', '--no-ignore', '--hidden', '--no-messages', '-c', '-f', PATTERNS, '.'];
  const floor = (): NodeRun => expectStatus(runCommand('rg', rgArgs, { cwd: dir, rss }), [0, 1], 'ripgrep');
  const scanArgs = ['scan', '.', '--format', 'json', ...threads];
  const clis = [{ label: 'scan', path: ctx.cliPath }, ...(options.baselineCli === undefined ? [] : [{ label: 'scan baseline', path: resolve(options.baselineCli) }])];
  const nodes = options.nodes.map((spec) => resolveBenchNode(spec));
  const scans = clis.flatMap((cli) =>
    nodes.map((node) => {
      const label = `${cli.label} (node ${node.version})`;
      const run = (shouldCaptureStdout = false): NodeRun => expectStatus(runCommand(node.path, [cli.path, ...scanArgs], { cwd: dir, rss, shouldCaptureStdout }), [0, 1], label);
      return { name: label, run };
    }),
  );
  floor();
  const found = new Map(scans.map((s) => [s.name, findingCounts(s.run(true).stdout)]));
  const commands = [{ name: 'floor: ripgrep', run: floor }, ...scans.map((s) => ({ name: s.name, run: () => s.run() }))];
  const samples = interleave(commands, options.rounds);
  const rows: RealSamples[] = commands.map((c) => ({ name: c.name, runs: samples.get(c.name) ?? [] }));
  formatRealTimings(rows, bytes, 'floor: ripgrep').forEach((line) => ctx.print(line));
  formatFindingCounts(found).forEach((line) => ctx.print(line));
  ctx.print('');
}

/** The `tree-real` target: installs or copies the corpora once (cached), measures, prints. */
export async function runBench(ctx: BenchContext): Promise<number> {
  const options = parseRealTreeOptions(ctx.args);
  if ('error' in options) {
    process.stderr.write(`bench tree-real: ${options.error}\n${REAL_TREE_USAGE}\n`);
    return 2;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'secretscan-bench-tree-real-'));
  try {
    const cpu = cpus();
    ctx.print(`secretscan bench tree-real: ${process.platform}-${process.arch}, ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}`);
    nodeStartupNotes().forEach((line) => ctx.print(line));
    const rss = chooseRssMethod(scratch);
    ctx.print(`timing: ${options.rounds} interleaved rounds (ABBA order) after one warm-up run each; wall and CPU time of whole processes; peak RSS via ${rss.kind === 'gnu-time' ? '/usr/bin/time -v' : 'process.resourceUsage() at exit'}`);
    ctx.print(`floor: rg --no-unicode --no-ignore --hidden -c -f scripts/bench/rg-patterns.txt . (35 patterns); scan: node dist/cli/bin.mjs scan . --format json; stdout of both to /dev/null`);
    ctx.print('');
    const cache = benchCacheDir();
    for (const corpus of options.corpora) {
      const dir = corpus === 'node-modules' ? nodeModulesCorpus(cache, ctx.print) : pythonCorpus(cache, ctx.print);
      measureCorpus(ctx, options, corpus, dir, rss);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`bench tree-real: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
