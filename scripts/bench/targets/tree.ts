import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatFindings, formatTimings, type VariantResult } from '../format-bench.js';
import { commitAll } from '../git-fixture.js';
import { interleave } from '../interleave.js';
import { findingsOfJsonReport, matchPlanted } from '../match-planted.js';
import { chooseRssMethod, runNode, type NodeRun, type RssMethod } from '../run-node.js';
import type { BenchContext } from '../target.js';
import { parseTreeOptions, TREE_USAGE, type TreeBenchOptions } from '../tree-options.js';
import { writeTree, type WrittenTree } from '../write-tree.js';

// Working-tree scan of a generated ~60 MB tree, timed as whole processes against a floor that only
// starts Node and reads the same files, both as a plain directory (fast-glob walk) and as a git
// repository (git ls-files). Same machine, same run, interleaved rounds, ratios of medians.

const FLOOR_SCRIPT = "const fs=require('fs');let n=0;for(const f of JSON.parse(fs.readFileSync(process.argv[1],'utf8')))n+=fs.readFileSync(f,'utf8').length;if(n<0)console.log(n);";

/** A scan that did not finish normally (exit 0 clean or 1 findings) makes the numbers meaningless. */
function checkScan(run: NodeRun, where: string): NodeRun {
  if (run.status === 0 || run.status === 1) return run;
  const tail = run.stderr.trim().split('\n').slice(-5).join('\n');
  throw new Error(`the scan in ${where} exited ${String(run.status)}:\n${tail}`);
}

function buildTrees(scratch: string, options: TreeBenchOptions, print: (line: string) => void): { tree: WrittenTree; dirs: Record<string, string> } {
  const dirs = { plain: join(scratch, 'plain'), git: join(scratch, 'git') };
  mkdirSync(dirs.plain);
  let started = performance.now();
  const tree = writeTree(dirs.plain, { seed: options.seed, fileCount: options.files, totalBytes: options.sizeMb * 1e6, plantedCount: options.planted });
  const generatedMs = performance.now() - started;
  started = performance.now();
  cpSync(dirs.plain, dirs.git, { recursive: true });
  const sha = commitAll(dirs.git);
  const gitMs = performance.now() - started;
  print(
    `tree: ${tree.files.length} files, ${(tree.bytes / 1e6).toFixed(1)} MB, ${tree.planted.length} planted fake secrets (seed ${options.seed}; generated in ${(generatedMs / 1000).toFixed(1)} s, git copy + commit ${sha.slice(0, 12)} in ${(gitMs / 1000).toFixed(1)} s)`,
  );
  return { tree, dirs };
}

function measure(ctx: BenchContext, options: TreeBenchOptions, scratch: string): number {
  const cpu = cpus();
  ctx.print(`secretscan bench tree: node ${process.version}, ${process.platform}-${process.arch}, ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}`);
  const { tree, dirs } = buildTrees(scratch, options, ctx.print);
  const listFile = join(scratch, 'files.json');
  writeFileSync(listFile, JSON.stringify(tree.files));
  const rss: RssMethod = chooseRssMethod(scratch);
  const floorArgs = ['-e', FLOOR_SCRIPT, listFile];
  const scanArgs = [ctx.cliPath, 'scan', '--format', 'json'];
  const variants = Object.entries(dirs).map(([name, cwd]) => {
    // Untimed warm-up of both commands (page cache, git index); the captured JSON report gives the findings.
    runNode(floorArgs, { cwd, rss });
    const report = checkScan(runNode(scanArgs, { cwd, rss, shouldCaptureStdout: true }), name);
    return { name, cwd, match: matchPlanted(tree.planted, findingsOfJsonReport(report.stdout)) };
  });
  const commands = variants.flatMap((v) => [
    { name: `${v.name}/floor`, run: () => runNode(floorArgs, { cwd: v.cwd, rss }) },
    { name: `${v.name}/scan`, run: () => checkScan(runNode(scanArgs, { cwd: v.cwd, rss }), v.name) },
  ]);
  const samples = interleave(commands, options.rounds);
  const results: VariantResult[] = variants.map((v) => ({
    name: v.name,
    floor: samples.get(`${v.name}/floor`) ?? [],
    scan: samples.get(`${v.name}/scan`) ?? [],
    match: v.match,
  }));
  ctx.print(`timing: ${options.rounds} interleaved rounds (ABBA order) after one warm-up run each; wall time of whole processes; peak RSS via ${rss.kind === 'gnu-time' ? '/usr/bin/time -v' : 'process.resourceUsage() at exit'}`);
  ctx.print('floor = node startup + readFileSync(utf8) of every file in the list; scan = node dist/cli/bin.mjs scan --format json (stdout to /dev/null)');
  ctx.print('');
  [...formatTimings(results, tree.bytes), '', ...formatFindings(results, tree.planted)].forEach((line) => ctx.print(line));
  return 0;
}

/** The `tree` target: generates the trees in a temp dir, measures, prints, and removes the temp dir. */
export async function runBench(ctx: BenchContext): Promise<number> {
  const options = parseTreeOptions(ctx.args);
  if ('error' in options) {
    process.stderr.write(`bench tree: ${options.error}\n${TREE_USAGE}\n`);
    return 2;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'secretscan-bench-'));
  try {
    return measure(ctx, options, scratch);
  } catch (error) {
    process.stderr.write(`bench tree: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
