import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../../package-root.js';
import type { Rule } from '../../rules/index.js';
import { matcherShapes, regexShapes } from './adversarial-inputs.js';
import type { SpeedReply, SpeedRequest, TimedKind } from './speed-protocol.js';
import * as limits from './speed-limits.js';

/** Timing threads: two halve the wall time on two cores; more would disturb each other's clocks. */
const MAX_WORKERS = 2;

/** One shape's times for one rule. `largeMs` is absent when the small run was too fast to matter. */
export interface ShapeTime {
  kind: TimedKind;
  shape: string;
  smallMs: number;
  largeMs?: number | undefined;
}

/** A run that was stopped: which shape, at what size, after how long, and the small size's time when known. */
export interface HungRun {
  kind: TimedKind;
  shape: string;
  size: number;
  limitMs: number;
  smallMs?: number | undefined;
}

/** Everything measured for one rule. `failure` is a worker crash, reported as it is. */
export interface RuleTimes {
  shapes: ShapeTime[];
  hung?: HungRun;
  failure?: string;
}

/**
 * The built timing worker (speed-worker.ts): beside this code (the CLI bundle in dist/cli/, the
 * Action's in action/, or dist/src/rule-check/speed/), or in dist/ when running from sources under
 * the test runner (whose setup rebuilds dist/ when it is older than the sources). A missing worker
 * is an error: timing only part of a rule would pass a rule the check exists to stop.
 */
function workerScript(): string {
  for (const name of ['../speed-worker.mjs', './speed-worker.mjs', './speed-worker.js']) {
    const beside = fileURLToPath(new URL(name, import.meta.url));
    if (existsSync(beside)) return beside;
  }
  const built = join(PACKAGE_ROOT, 'dist', 'src', 'rule-check', 'speed', 'speed-worker.js');
  if (existsSync(built)) return built;
  throw new Error(`the rule timing worker is missing (looked beside ${fileURLToPath(import.meta.url)} and for ${built}); run \`npm run build\``);
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
function drainQueue(rules: readonly Rule[], script: string, queue: number[], times: RuleTimes[], retried: Set<number>): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(script);
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
      resolve(drainQueue(rules, script, queue, times, retried));
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
  const script = workerScript();
  const retried = new Set<number>();
  await Promise.all(Array.from({ length: workers }, () => drainQueue(rules, script, queue, times, retried)));
  return times;
}
