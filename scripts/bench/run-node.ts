import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** How peak RSS is measured: GNU time's report, or a preload that asks Node itself at exit. */
export type RssMethod = { kind: 'gnu-time'; timePath: string } | { kind: 'preload'; probePath: string };

/** One timed run of a process (Node, or git for a floor). */
export interface NodeRun {
  /** Wall time of the whole process, spawn to exit, in milliseconds. */
  wallMs: number;
  /** Peak resident set size in KiB, when it could be read. */
  maxRssKb: number | undefined;
  /** User plus system CPU time in milliseconds (with GNU time only: its children's too). */
  cpuMs?: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

const PROBE_MARKER = 'bench-max-rss-kb=';
const PROBE_SOURCE = `process.on('exit', () => { require('fs').writeSync(2, '\\n${PROBE_MARKER}' + process.resourceUsage().maxRSS + '\\n'); });\n`;

/**
 * Picks `/usr/bin/time -v` when it exists and reports "Maximum resident set size" (GNU time;
 * BusyBox's does not), else writes a CommonJS preload into `scratchDir` that prints
 * `process.resourceUsage().maxRSS` at exit.
 */
export function chooseRssMethod(scratchDir: string): RssMethod {
  const timePath = '/usr/bin/time';
  if (existsSync(timePath)) {
    const probe = spawnSync(timePath, ['-v', process.execPath, '-e', '0'], { encoding: 'utf8' });
    if (probe.status === 0 && /Maximum resident set size/.test(probe.stderr)) return { kind: 'gnu-time', timePath };
  }
  const probePath = join(scratchDir, 'rss-probe.cjs');
  writeFileSync(probePath, PROBE_SOURCE);
  return { kind: 'preload', probePath };
}

function parseRss(stderr: string, method: RssMethod): number | undefined {
  const pattern = method.kind === 'gnu-time' ? /Maximum resident set size \(kbytes\): (\d+)/ : new RegExp(`${PROBE_MARKER}(\\d+)`);
  const match = pattern.exec(stderr);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** How to run a timed process. */
export interface RunOptions {
  cwd: string;
  /** How to read peak RSS; without it, the process runs unwrapped and `maxRssKb` is undefined. */
  rss?: RssMethod;
  /** Default: this process's environment plus NO_COLOR=1. */
  env?: NodeJS.ProcessEnv;
  shouldCaptureStdout?: boolean;
}

/** User plus system time from GNU time's report. */
function parseCpu(stderr: string): number | undefined {
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  return user === undefined || system === undefined ? undefined : (Number(user) + Number(system)) * 1000;
}

function wrapForRss(command: string, args: readonly string[], rss: RssMethod | undefined): [string, string[]] {
  if (rss?.kind === 'gnu-time') return [rss.timePath, ['-v', command, ...args]];
  if (rss?.kind === 'preload' && command === process.execPath) return [command, ['-r', rss.probePath, ...args]];
  return [command, [...args]];
}

/**
 * Runs `command ...args` in `cwd` and times the whole process. Every side of a comparison goes
 * through this, so the wrapper's own cost is the same on each. stdout is kept only when asked for;
 * otherwise it goes to /dev/null (as an inherited descriptor: nothing is renamed over it). The RSS
 * preload only works for Node; other commands then report no RSS.
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions): NodeRun {
  const [file, fullArgs] = wrapForRss(command, args, options.rss);
  const started = performance.now();
  const result = spawnSync(file, fullArgs, {
    cwd: options.cwd,
    env: options.env ?? { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
    stdio: ['ignore', options.shouldCaptureStdout === true ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 1024 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  if (result.error !== undefined) throw new Error(`cannot run ${file}: ${result.error.message}`);
  const maxRssKb = options.rss === undefined ? undefined : parseRss(result.stderr, options.rss);
  const cpuMs = options.rss?.kind === 'gnu-time' ? parseCpu(result.stderr) : undefined;
  return { wallMs, maxRssKb, ...(cpuMs === undefined ? {} : { cpuMs }), status: result.status, stdout: result.stdout ?? '', stderr: result.stderr };
}

/** Runs `node ...args` (this Node) through runCommand. */
export function runNode(args: readonly string[], options: RunOptions & { rss: RssMethod }): NodeRun {
  return runCommand(process.execPath, args, options);
}

/** Returns `run` when it exited with one of `statuses`; otherwise throws with the end of its stderr. */
export function expectStatus(run: NodeRun, statuses: readonly number[], what: string): NodeRun {
  if (run.status !== null && statuses.includes(run.status)) return run;
  const tail = run.stderr
    .trim()
    .split('\n')
    .filter((line) => !/^\s|^Command being timed/.test(line))
    .slice(-5)
    .join('\n');
  throw new Error(`${what} exited ${String(run.status)}:\n${tail}`);
}

/**
 * Notes on environment variables that slow every Node start, and so every side of a comparison
 * alike (Node 20 reads NODE_EXTRA_CA_CERTS at startup, not when TLS is first used).
 */
export function nodeStartupNotes(env: NodeJS.ProcessEnv = process.env): string[] {
  return ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS'].filter((name) => (env[name] ?? '') !== '').map((name) => `note: ${name} is set; it adds to every Node start, on both sides of the comparison`);
}
