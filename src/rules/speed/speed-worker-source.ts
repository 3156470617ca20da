/**
 * The timing worker, as source run with `new Worker(…, { eval: true })`: a worker that is a string
 * needs no file of its own, so it works from the bundled CLI, from sources under the test runner
 * and from the GitHub Action's single-file bundle alike. A regex cannot be interrupted on the
 * thread running it; the main thread terminates this worker when a run takes too long, and every
 * run is announced first (`start`) so it knows which one that was. See speed-protocol.ts for the
 * messages; the growth tests repeat speed-limits.ts's isSuperLinear and needsLargeRun.
 */
export const SPEED_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const L = workerData.limits;
const FLATTEN = /^/;
const post = (reply) => parentPort.postMessage(reply);
const fill = (unit, n) => (unit.length === 0 || n <= 0 ? '' : unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
const build = (s, size) => s.head + fill(s.unit, size - s.head.length - s.end.length) + s.end;
const isSuperLinear = (small, large) => large > L.floorMs && large > L.growthLimit * Math.max(small, 0.01);
const needsLargeRun = (small, medium) => medium * (L.large / L.medium) > L.floorMs && medium > L.mediumGrowthLimit * small;
const runRegex = (regex) => (text) => {
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) if (m[0].length === 0) regex.lastIndex++;
};
function timeOnce(run, text) {
  FLATTEN.test(text);
  const started = performance.now();
  run(text);
  return performance.now() - started;
}
function timeShape(rule, kind, shape, run) {
  const timeAt = (size, smallMs) => {
    const text = build(shape, size);
    post({ type: 'start', rule, kind, shape: shape.name, size: text.length, smallMs });
    return { text, ms: timeOnce(run, text) };
  };
  const small = timeAt(L.small);
  let smallMs = small.ms;
  const report = (largeMs) => post({ type: 'time', rule, kind, shape: shape.name, smallMs, largeMs });
  if (smallMs < L.largeRunFromMs) return report();
  const medium = timeAt(L.medium, smallMs);
  if (!needsLargeRun(smallMs, medium.ms)) return report();
  const large = timeAt(L.large, smallMs);
  let largeMs = large.ms;
  for (let i = 0; i < L.confirmRuns && isSuperLinear(smallMs, largeMs); i++) {
    smallMs = Math.min(smallMs, timeOnce(run, small.text));
    largeMs = Math.min(largeMs, timeOnce(run, large.text));
  }
  report(largeMs);
}
const library = workerData.modules === undefined
  ? Promise.resolve(undefined)
  : Promise.all([import(workerData.modules.rules), import(workerData.modules.engine)]);
parentPort.on('message', async (request) => {
  const regex = new RegExp(request.pattern, request.flags);
  for (const shape of request.regexShapes) timeShape(request.rule, 'regex', shape, runRegex(regex));
  const modules = await library;
  const compiled = modules === undefined ? undefined : modules[0].compilePacks([request.pack]).rules[0];
  if (compiled !== undefined) {
    // The rule's paths would skip the made-up file name: this times the rule wherever it applies.
    const matcher = modules[1].createMatcher([{ ...compiled, matchesPath: () => true }]);
    const scan = (text) => void matcher.scanChunk({ origin: 'stdin', path: 'speed-check.txt', text, startLine: 1 });
    for (const shape of request.matcherShapes) timeShape(request.rule, 'matcher', shape, scan);
  }
  post({ type: 'done', rule: request.rule });
});
`;
