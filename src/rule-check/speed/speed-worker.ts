import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { buildInput, type InputShape } from './adversarial-inputs.js';
import { CONFIRM_RUNS, isSuperLinear, LARGE_INPUT, LARGE_RUN_FROM_MS, MEDIUM_INPUT, needsLargeRun, SMALL_INPUT } from './speed-limits.js';
import type { SpeedReply, SpeedRequest, TimedKind } from './speed-protocol.js';

// The timing worker (bundled as dist/cli/speed-worker.mjs and action/speed-worker.mjs). A regex
// cannot be interrupted on the thread running it; the main thread terminates this worker when a
// run takes too long, and every run is announced first (`start`) so it knows which one that was.
// See speed-protocol.ts for the messages.

const FLATTEN = /^/;

const post = (reply: SpeedReply): void => parentPort?.postMessage(reply);

/** The rules and engine load while the first rule's regex shapes are timed. */
const library = Promise.all([import('../../rules/index.js'), import('../../engine/index.js')]);

function runRegex(regex: RegExp): (text: string) => void {
  return (text) => {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) if (m[0].length === 0) regex.lastIndex++;
  };
}

function timeOnce(run: (text: string) => void, text: string): number {
  // Flattens a rope-built string, so its first run does not pay for that.
  FLATTEN.test(text);
  const started = performance.now();
  run(text);
  return performance.now() - started;
}

/** Times one shape at 64 KiB, then at 256 KiB and 1 MiB only when it could matter (see speed-limits.ts). */
function timeShape(rule: number, kind: TimedKind, shape: InputShape, run: (text: string) => void): void {
  const timeAt = (size: number, smallMs?: number): { text: string; ms: number } => {
    const text = buildInput(shape, size);
    post({ type: 'start', rule, kind, shape: shape.name, size: text.length, ...(smallMs === undefined ? {} : { smallMs }) });
    return { text, ms: timeOnce(run, text) };
  };
  const small = timeAt(SMALL_INPUT);
  let smallMs = small.ms;
  const report = (largeMs?: number): void => post({ type: 'time', rule, kind, shape: shape.name, smallMs, ...(largeMs === undefined ? {} : { largeMs }) });
  if (smallMs < LARGE_RUN_FROM_MS) return report();
  const medium = timeAt(MEDIUM_INPUT, smallMs);
  if (!needsLargeRun(smallMs, medium.ms)) return report();
  const large = timeAt(LARGE_INPUT, smallMs);
  let largeMs = large.ms;
  for (let i = 0; i < CONFIRM_RUNS && isSuperLinear(smallMs, largeMs); i++) {
    smallMs = Math.min(smallMs, timeOnce(run, small.text));
    largeMs = Math.min(largeMs, timeOnce(run, large.text));
  }
  report(largeMs);
}

parentPort?.on('message', async (request: SpeedRequest) => {
  const regex = new RegExp(request.pattern, request.flags);
  for (const shape of request.regexShapes) timeShape(request.rule, 'regex', shape, runRegex(regex));
  const [rules, engine] = await library;
  const compiled = rules.compilePacks([request.pack]).rules[0];
  if (compiled !== undefined) {
    // The rule's paths would skip the made-up file name: this times the rule wherever it applies.
    const matcher = engine.createMatcher([{ ...compiled, matchesPath: () => true }]);
    const scan = (text: string): void => void matcher.scanChunk({ origin: 'stdin', path: 'speed-check.txt', text, startLine: 1 });
    for (const shape of request.matcherShapes) timeShape(request.rule, 'matcher', shape, scan);
  }
  post({ type: 'done', rule: request.rule });
});
