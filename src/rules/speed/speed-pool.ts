import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../../package-root.js';
import type { Rule } from '../types.js';
import { matcherShapes, regexShapes } from './adversarial-inputs.js';
import type { SpeedReply, SpeedRequest, SpeedWorkerSetup, TimedKind } from './speed-protocol.js';
import * as limits from './speed-limits.js';
import { SPEED_WORKER_SOURCE } from './speed-worker-source.js';

/** Timing threads: two halve the wall time on two cores; more would disturb each other's clocks. */
const MAX_WORKERS = 2;

/** One shape's times for one rule. `largeMs` is absent when the small run was too fast to matter. */
export interface ShapeTime {
  kind: TimedKind;
  shape: string;
  smallMs: number;
  largeMs?: number;
}

/** A run that was stopped: which shape, at what size, after how long, and the small size's time when known. */
export interface HungRun {
  kind: TimedKind;
  shape: string;
  size: number;
  limitMs: number;
  smallMs?: number;
}

/** Everything measured for one rule. `failure` is a worker crash, reported as it is. */
export interface RuleTimes {
  shapes: ShapeTime[];
  hung?: HungRun;
  failure?: string;
}

/**
 * The compiled rules and engine entry points the worker imports for the matcher shapes: beside
 * this module in dist/src, or (from the bundled CLI, and from sources under the test runner) in
 * the package's dist/src. Undefined in the GitHub Action, which ships one bundled file.
 */
function libraryModules(): SpeedWorkerSetup['modules'] {
  const candidates = [new URL('../', import.meta.url), pathToFileURL(join(PACKAGE_ROOT, 'dist', 'src', 'rules', '/'))];
  for (const dir of candidates) {
    const rules = new URL('index.js', dir);
    const engine = new URL('../engine/index.js', dir);
    if (existsSync(fileURLToPath(rules)) && existsSync(fileURLToPath(engine))) return { rules: rules.href, engine: engine.href };
  }
  return undefined;
}

function setupOf(): SpeedWorkerSetup {
  const workerLimits = {
    small: limits.SMALL_INPUT,
    medium: limits.MEDIUM_INPUT,
    large: limits.LARGE_INPUT,
    largeRunFromMs: limits.LARGE_RUN_FROM_MS,
    floorMs: limits.GROWTH_FLOOR_MS,
    growthLimit: limits.GROWTH_LIMIT,
    mediumGrowthLimit: limits.MEDIUM_GROWTH_LIMIT,
    confirmRuns: limits.CONFIRM_RUNS,
  };
  return { limits: workerLimits, modules: libraryModules() };
}

/** What the worker needs to time `rule`: its pattern, itself as a pack, and its input shapes. */
function requestFor(rule: Rule, index: number): SpeedRequest {
  const source = { pattern: rule.spec.pattern, flags: rule.regex.flags, keywords: rule.spec.keywords, examples: rule.spec.examples };
  return {
    rule: index,
    pattern: rule.spec.pattern,
    flags: rule.regex.flags,
    pack: { file: rule.file, provider: rule.provider, rules: [rule.spec] },
    regexShapes: regexShapes(source),
    matcherShapes: matcherShapes(source),
  };
}

/** Runs one worker over the shared queue until it is empty; replaces itself after a hang or crash. */
function drainQueue(rules: readonly Rule[], setup: SpeedWorkerSetup, queue: number[], times: RuleTimes[], retried: Set<number>): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(SPEED_WORKER_SOURCE, { eval: true, workerData: setup });
    let current: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    let isStopped = false;
    const next = (): void => {
      current = queue.shift();
      if (current === undefined) return void worker.terminate();
      worker.postMessage(requestFor(rules[current] as Rule, current));
    };
    const replace = (): void => {
      isStopped = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(drainQueue(rules, setup, queue, times, retried));
    };
    worker.on('message', (reply: SpeedReply) => {
      clearTimeout(timer);
      if (isStopped) return;
      const entry = times[reply.rule] as RuleTimes;
      if (reply.type === 'done') return next();
      if (reply.type === 'time') return void entry.shapes.push({ kind: reply.kind, shape: reply.shape, smallMs: reply.smallMs, largeMs: reply.largeMs });
      const limitMs = limits.hangLimitOf(reply.size, reply.smallMs);
      timer = setTimeout(() => {
        // A stop at 64 KiB needs 2 s on a run that takes milliseconds when linear: no retry.
        if (reply.smallMs === undefined || retried.has(reply.rule)) {
          entry.hung = { kind: reply.kind, shape: reply.shape, size: reply.size, limitMs, smallMs: reply.smallMs };
        } else {
          retried.add(reply.rule);
          entry.shapes = [];
          queue.unshift(reply.rule);
        }
        replace();
      }, limitMs);
    });
    worker.on('error', (error) => {
      if (isStopped) return;
      if (current !== undefined) (times[current] as RuleTimes).failure = error.message;
      replace();
    });
    worker.on('exit', () => {
      clearTimeout(timer);
      if (current === undefined) resolve();
    });
    next();
  });
}

/** Times every rule on its adversarial inputs in up to MAX_WORKERS threads; one entry per rule. */
export async function timeRules(rules: readonly Rule[]): Promise<RuleTimes[]> {
  const times: RuleTimes[] = rules.map(() => ({ shapes: [] }));
  const queue = rules.map((_, index) => index);
  const workers = Math.max(1, Math.min(MAX_WORKERS, availableParallelism(), rules.length));
  const setup = setupOf();
  const retried = new Set<number>();
  await Promise.all(Array.from({ length: workers }, () => drainQueue(rules, setup, queue, times, retried)));
  return times;
}
