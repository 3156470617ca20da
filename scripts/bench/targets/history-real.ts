import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runGit, sealedGitEnv } from '../git-fixture.js';
import { countObjects } from '../history/object-totals.js';
import { interleave } from '../interleave.js';
import { benchCacheDir } from '../real/bench-cache.js';
import { realHistory } from '../real/build-real-history.js';
import { findingCounts, formatFindingCounts, formatRealTimings, type RealSamples } from '../real/format-real.js';
import { fetchTarballs, latestVersions, type PublishedVersion } from '../real/npm-tarballs.js';
import { parseRealHistoryOptions, REAL_HISTORY_USAGE, type RealHistoryOptions } from '../real/real-options.js';
import { chooseRssMethod, expectStatus, nodeStartupNotes, runCommand, type NodeRun, type RssMethod } from '../run-node.js';
import { resolveBenchNode } from '../staged/bench-node.js';
import type { BenchContext } from '../target.js';

// History scan of a repository built from real code (published versions of npm packages, one
// commit per version), timed as whole processes against git reading every blob once in pack
// order, with the rev-list enumeration and a read in rev-list order timed beside it. Under each
// Node given, in the same interleaved rounds.

/** git reads every blob once, in pack order: the floor. */
const FLOOR = "git cat-file --batch-all-objects --unordered --batch-check='%(objecttype) %(objectname)' | sed -n 's/^blob //p' | git cat-file --batch >/dev/null";
/** Enumerating what is reachable, as a history scan must. */
const REV_LIST = 'git rev-list --objects --all >/dev/null';
/** Reading the reachable blobs in the order rev-list names them. */
const REV_LIST_READ = "git rev-list --objects --all --filter=object:type=blob | cut -d' ' -f1 | git cat-file --batch >/dev/null";

async function prepareRepo(ctx: BenchContext, options: RealHistoryOptions): Promise<string> {
  if (options.repo !== undefined) {
    const repo = resolve(options.repo);
    if (!existsSync(repo)) throw new Error(`${repo} does not exist`);
    return repo;
  }
  const cache = benchCacheDir();
  const versions: PublishedVersion[] = options.packages.flatMap((name) => latestVersions(cache, name, options.versions)).sort((a, b) => a.time - b.time);
  await fetchTarballs(cache, versions, ctx.print);
  const key = createHash('sha256')
    .update(JSON.stringify([versions.map((v) => `${v.name}@${v.version}`), options.sizeMb]))
    .digest('hex')
    .slice(0, 16);
  const built = await realHistory(cache, key, versions, options.sizeMb * 1e6, ctx.print);
  const capped = built.cappedAt === undefined ? '' : ` (stopped at the ${options.sizeMb} MB cap before ${built.cappedAt})`;
  ctx.print(`built from ${options.packages.join(', ')} (latest ${options.versions} versions each): ${built.commits} commits${capped}`);
  return built.repo;
}

async function measure(ctx: BenchContext, options: RealHistoryOptions, scratch: string): Promise<number> {
  const cpu = cpus();
  ctx.print(`secretscan bench history-real: ${process.platform}-${process.arch}, ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}`);
  nodeStartupNotes().forEach((line) => ctx.print(line));
  const nodes = options.nodes.map((spec) => resolveBenchNode(spec));
  const repo = await prepareRepo(ctx, options);
  const totals = await countObjects(repo);
  const commits = runGit(repo, ['rev-list', '--all', '--count']).trim();
  const packBytes = runGit(repo, ['count-objects', '-v'])
    .split('\n')
    .find((line) => line.startsWith('size-pack:'));
  ctx.print(`repository: ${repo}: ${commits} commits; ${totals.blobs} distinct blobs, ${(totals.blobBytes / 1e6).toFixed(1)} MB; pack ${packBytes?.split(' ')[1] ?? '?'} KiB`);
  const rss: RssMethod = chooseRssMethod(scratch);
  const threads = options.threads === undefined ? [] : ['--threads', String(options.threads)];
  const shell = (script: string, what: string) => (): NodeRun => expectStatus(runCommand('sh', ['-c', script], { cwd: repo, rss, env: sealedGitEnv() }), [0], what);
  const scanArgs = ['scan', '--history', '--format', 'json', ...threads];
  const clis = [{ label: 'scan', path: ctx.cliPath }, ...(options.baselineCli === undefined ? [] : [{ label: 'scan baseline', path: resolve(options.baselineCli) }])];
  const scans = clis.flatMap((cli) =>
    nodes.map((node) => {
      const name = `${cli.label} (node ${node.version})`;
      const run = (shouldCaptureStdout = false): NodeRun => expectStatus(runCommand(node.path, [cli.path, ...scanArgs], { cwd: repo, rss, shouldCaptureStdout }), [0, 1], name);
      return { name, run };
    }),
  );
  // Untimed warm-up of each (page cache); the scans' JSON reports give the findings.
  shell(FLOOR, 'the floor')();
  const found = new Map(scans.map((s) => [s.name, findingCounts(s.run(true).stdout)]));
  const commands = [
    { name: 'floor: cat-file, pack order', run: shell(FLOOR, 'the floor') },
    { name: 'rev-list --objects --all', run: shell(REV_LIST, 'rev-list') },
    { name: 'cat-file, rev-list order', run: shell(REV_LIST_READ, 'the rev-list-order read') },
    ...scans.map((s) => ({ name: s.name, run: () => s.run() })),
  ];
  const samples = interleave(commands, options.rounds);
  ctx.print(`timing: ${options.rounds} interleaved rounds (ABBA order) after one warm-up run each; wall and CPU time of whole process trees; peak RSS via ${rss.kind === 'gnu-time' ? '/usr/bin/time -v' : 'process.resourceUsage() at exit'}`);
  ctx.print(`floor: ${FLOOR}`);
  ctx.print(`scan: node dist/cli/bin.mjs ${scanArgs.join(' ')} (stdout to /dev/null); MB/s over distinct blob bytes`);
  ctx.print('');
  const rows: RealSamples[] = commands.map((c) => ({ name: c.name, runs: samples.get(c.name) ?? [] }));
  formatRealTimings(rows, totals.blobBytes, 'floor: cat-file, pack order').forEach((line) => ctx.print(line));
  ctx.print('');
  formatFindingCounts(found).forEach((line) => ctx.print(line));
  return 0;
}

/** The `history-real` target: builds (once, cached) or takes a repository, measures, prints. */
export async function runBench(ctx: BenchContext): Promise<number> {
  const options = parseRealHistoryOptions(ctx.args);
  if ('error' in options) {
    process.stderr.write(`bench history-real: ${options.error}\n${REAL_HISTORY_USAGE}\n`);
    return 2;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'secretscan-bench-history-real-'));
  try {
    return await measure(ctx, options, scratch);
  } catch (error) {
    process.stderr.write(`bench history-real: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
