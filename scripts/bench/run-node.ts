import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** How peak RSS is measured: GNU time's report, or a preload that asks Node itself at exit. */
export type RssMethod = { kind: 'gnu-time'; timePath: string } | { kind: 'preload'; probePath: string };

/** One timed run of a Node process. */
export interface NodeRun {
  /** Wall time of the whole process, spawn to exit, in milliseconds. */
  wallMs: number;
  /** Peak resident set size in KiB, when it could be read. */
  maxRssKb: number | undefined;
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

/**
 * Runs `node ...args` in `cwd` and times the whole process. Both the floor and the scan go through
 * this, so the wrapper's own cost is the same on each side. stdout is kept only when asked for;
 * otherwise it goes to /dev/null (as an inherited descriptor: nothing is renamed over it).
 */
export function runNode(args: readonly string[], options: { cwd: string; rss: RssMethod; shouldCaptureStdout?: boolean }): NodeRun {
  const { rss } = options;
  const [command, fullArgs] = rss.kind === 'gnu-time'
    ? [rss.timePath, ['-v', process.execPath, ...args]]
    : [process.execPath, ['-r', rss.probePath, ...args]];
  const started = performance.now();
  const result = spawnSync(command, fullArgs, {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
    stdio: ['ignore', options.shouldCaptureStdout === true ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  if (result.error !== undefined) throw new Error(`cannot run ${command}: ${result.error.message}`);
  return { wallMs, maxRssKb: parseRss(result.stderr, rss), status: result.status, stdout: result.stdout ?? '', stderr: result.stderr };
}
