import { parentPort, workerData } from 'node:worker_threads';
import { suppressionFrom } from '../suppress/index.js';
import { createBinaryScanner, createMatcher, readBuiltinAutomaton, scanInput } from '../engine/index.js';
import { compilePacks } from '../rules/index.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker-protocol.js';

// A matcher thread: compiles the rules and allowlist it was given once, then scans what the pool sends.
const setup = workerData as WorkerSetup;
const policy = suppressionFrom(setup.allowlist);
const rules = compilePacks(setup.packs).rules;
const options = {
  suppression: setup.shouldSkipPathSuppression ? { ...policy, isPathSuppressed: () => false } : policy,
  shouldRevealSecrets: setup.shouldRevealSecrets,
  shouldKeepValues: setup.shouldKeepValues === true,
  ...(setup.maxFindings === undefined ? {} : { maxFindings: setup.maxFindings }),
};
const matcher = createMatcher(rules, { ...options, prebuiltAutomaton: readBuiltinAutomaton() });
const binary = createBinaryScanner(rules, options);

parentPort?.on('message', (request: WorkerRequest) => {
  const reply: WorkerReply = { id: request.id, scans: request.inputs.map((input) => scanInput(matcher, input, binary)) };
  parentPort?.postMessage(reply);
});
