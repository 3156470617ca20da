import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatTimings } from '../format-bench.js';
import { runGit, sealedGitEnv } from '../git-fixture.js';
import { formatFindingCounts, formatHistoryFindings } from '../history/format-history.js';
import { generateHistory, gitDirOf, readKeptPlants } from '../history/generate-history.js';
import { HISTORY_USAGE, parseHistoryOptions, type HistoryBenchOptions } from '../history/history-options.js';
import { findingsOfHistoryReport, matchHistory, type ResolvedPlant } from '../history/match-history.js';
import { countObjects } from '../history/object-totals.js';
import { interleave } from '../interleave.js';
import { chooseRssMethod, expectStatus, nodeStartupNotes, runCommand, runNode, type RssMethod } from '../run-node.js';
import type { BenchContext } from '../target.js';

// History scan of a generated repository (thousands of commits, ~100 MB of blobs) or of one given,
// timed as whole processes against a floor that only makes git read every object once:
// `git cat-file --batch-all-objects --batch`. Same machine, same run, interleaved rounds.

const FLOOR_ARGS = ['cat-file', '--batch-all-objects', '--batch'];
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The repository to measure: generated (with its plants) or given (plants only if we generated it). */
function prepareRepo(ctx: BenchContext, options: HistoryBenchOptions, scratch: string): { repo: string; plants?: ResolvedPlant[] } {
  if (options.repo !== undefined) {
    const repo = resolve(options.repo);
    if (!existsSync(repo)) throw new Error(`${repo} does not exist`);
    gitDirOf(repo);
    const plants = readKeptPlants(repo);
    return plants === undefined ? { repo } : { repo, plants };
  }
  const repo = options.keep === undefined ? join(scratch, 'repo') : resolve(options.keep);
  if (existsSync(repo) && readdirSync(repo).length > 0) throw new Error(`--keep ${repo}: the directory exists and is not empty`);
  const { seed, commits: commitCount, planted: plantedCount } = options;
  const built = generateHistory(repo, scratch, { seed, commitCount, totalBytes: options.sizeMb * 1e6, plantedCount });
  const stream = `fast-import stream of ${(built.streamBytes / 1e6).toFixed(1)} MB written in ${seconds(built.streamMs)}`;
  const kept = options.keep === undefined ? '' : `, kept at ${repo}`;
  ctx.print(`generated: seed ${seed}, ${built.plants.length} fake secrets planted, ${stream}, imported in ${seconds(built.importMs)}${kept}`);
  return { repo, plants: built.plants };
}

async function describeRepo(ctx: BenchContext, repo: string): Promise<number> {
  const totals = await countObjects(repo);
  const commits = runGit(repo, ['rev-list', '--all', '--count']).trim();
  const refs = runGit(repo, ['for-each-ref', '--format=%(refname)'])
    .split('\n')
    .filter((line) => line !== '');
  const branches = refs.filter((ref) => ref.startsWith('refs/heads/')).length;
  const tags = refs.filter((ref) => ref.startsWith('refs/tags/')).length;
  ctx.print(`repository: ${repo}: ${commits} commits, ${branches} branches, ${tags} tags, HEAD ${runGit(repo, ['rev-parse', 'HEAD']).trim().slice(0, 12)}`);
  ctx.print(`objects: ${totals.objects} in all; ${totals.blobs} unique blobs, ${(totals.blobBytes / 1e6).toFixed(1)} MB (git cat-file --batch-all-objects --batch-check)`);
  return totals.blobBytes;
}

async function measure(ctx: BenchContext, options: HistoryBenchOptions, scratch: string): Promise<number> {
  const cpu = cpus();
  ctx.print(`secretscan bench history: node ${process.version}, ${process.platform}-${process.arch}, ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}`);
  nodeStartupNotes().forEach((line) => ctx.print(line));
  const { repo, plants } = prepareRepo(ctx, options, scratch);
  const blobBytes = await describeRepo(ctx, repo);
  const rss: RssMethod = chooseRssMethod(scratch);
  const scanArgs = [ctx.cliPath, 'scan', '--history', '--format', 'json', ...(options.threads === undefined ? [] : ['--threads', String(options.threads)])];
  const floor = () => expectStatus(runCommand('git', FLOOR_ARGS, { cwd: repo, rss, env: sealedGitEnv() }), [0], 'the floor (git cat-file)');
  const scan = (shouldCaptureStdout = false) => expectStatus(runNode(scanArgs, { cwd: repo, rss, shouldCaptureStdout }), [0, 1], 'the scan');
  // Untimed warm-up of both (page cache); the captured JSON report gives the findings.
  floor();
  const findings = findingsOfHistoryReport(scan(true).stdout);
  const samples = interleave(
    [
      { name: 'floor', run: () => floor() },
      { name: 'scan', run: () => scan() },
    ],
    options.rounds,
  );
  ctx.print(`timing: ${options.rounds} interleaved rounds (ABBA order) after one warm-up run each; wall time of whole processes; peak RSS via ${rss.kind === 'gnu-time' ? '/usr/bin/time -v' : 'process.resourceUsage() at exit (scan only)'}`);
  ctx.print(`floor = git ${FLOOR_ARGS.join(' ')}; scan = node dist/cli/bin.mjs ${scanArgs.slice(1).join(' ')}; stdout of both to /dev/null; MB/s over unique blob bytes`);
  ctx.print('');
  formatTimings([{ name: 'history', floor: samples.get('floor') ?? [], scan: samples.get('scan') ?? [] }], blobBytes).forEach((line) => ctx.print(line));
  ctx.print('');
  const lines = plants === undefined ? formatFindingCounts(findings) : formatHistoryFindings(plants, matchHistory(plants, findings));
  lines.forEach((line) => ctx.print(line));
  return 0;
}

/** The `history` target: generates (or takes) a repository, measures, prints, removes the temp dir. */
export async function runBench(ctx: BenchContext): Promise<number> {
  const options = parseHistoryOptions(ctx.args);
  if ('error' in options) {
    process.stderr.write(`bench history: ${options.error}\n${HISTORY_USAGE}\n`);
    return 2;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'secretscan-bench-history-'));
  try {
    return await measure(ctx, options, scratch);
  } catch (error) {
    process.stderr.write(`bench history: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
