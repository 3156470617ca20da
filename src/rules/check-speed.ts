import { Worker } from 'node:worker_threads';
import type { Rule } from './types.js';

/** Longest a rule may take on one adversarial input of ADVERSARIAL_LENGTH characters. */
const SLOW_RULE_MS = 250;
/** A rule still running after this long is stopped: it is at least quadratic. */
const HUNG_RULE_MS = 2000;
const ADVERSARIAL_LENGTH = 20_000;

interface TimedRule {
  pattern: string;
  flags: string;
  keyword: string;
  example: string;
}

// Runs inside a worker so that a catastrophically backtracking pattern can be stopped: a regex
// cannot be interrupted on the main thread, but a worker can be terminated.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const runs = ['a', 'A', '0', 'f', '_', '-', '/', '+', '=', ' ', '\\t', ':', '.', 'aA0', 'a=', '"a', "'", '\\n'];
workerData.rules.forEach((rule, index) => {
  const regex = new RegExp(rule.pattern, rule.flags);
  const n = ${ADVERSARIAL_LENGTH};
  const inputs = runs.map((run) => rule.keyword + run.repeat(Math.ceil(n / run.length)));
  inputs.push(rule.keyword.repeat(Math.ceil(n / Math.max(1, rule.keyword.length))));
  if (rule.example) inputs.push(rule.example.repeat(Math.ceil(n / rule.example.length)).slice(0, 2 * n));
  parentPort.postMessage({ index, phase: 'start' });
  let worst = 0;
  for (const input of inputs) {
    const started = performance.now();
    for (const _ of input.matchAll(regex)) {}
    worst = Math.max(worst, performance.now() - started);
  }
  parentPort.postMessage({ index, phase: 'done', ms: worst });
});
`;

interface Progress {
  index: number;
  phase: 'start' | 'done';
  ms?: number;
}

/** Times rules from `from` on in one worker; resolves with the index of a hung rule, if any. */
function timeFrom(rules: TimedRule[], from: number, onDone: (index: number, ms: number) => void): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { rules: rules.slice(from) } });
    let timer: NodeJS.Timeout | undefined;
    let hung: number | undefined;
    worker.on('message', (message: Progress) => {
      clearTimeout(timer);
      const index = from + message.index;
      if (message.phase === 'done') return onDone(index, message.ms ?? 0);
      timer = setTimeout(() => {
        hung = index;
        void worker.terminate();
      }, HUNG_RULE_MS);
    });
    worker.on('error', reject);
    worker.on('exit', () => {
      clearTimeout(timer);
      resolve(hung);
    });
  });
}

/**
 * Times every rule's regex on long runs of common characters after its keyword (ReDoS guard).
 * Returns one problem per slow rule, `file: rule-id: pattern took N ms …`.
 */
export async function checkRuleSpeed(rules: readonly Rule[]): Promise<string[]> {
  const timed = rules.map((r) => ({ pattern: r.regex.source, flags: r.regex.flags, keyword: r.spec.keywords[0] ?? '', example: r.spec.examples[0] ?? '' }));
  const problems: string[] = [];
  const describe = (index: number, what: string) => {
    const rule = rules[index] as Rule;
    problems.push(`${rule.file}: ${rule.spec.id}: pattern ${what} on ${ADVERSARIAL_LENGTH} adversarial characters (hint: bound repetitions and avoid nested quantifiers)`);
  };
  for (let from = 0; from < timed.length; ) {
    const hung = await timeFrom(timed, from, (index, ms) => {
      if (ms > SLOW_RULE_MS) describe(index, `took ${Math.round(ms)} ms`);
    });
    if (hung === undefined) break;
    describe(hung, `took over ${HUNG_RULE_MS} ms and was stopped`);
    from = hung + 1;
  }
  return problems;
}
