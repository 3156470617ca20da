import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChunkScanner, InputScan, ScanInput } from '../engine/index.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { Rule, RulePack } from '../rules/index.js';
import type { WorkerReply, WorkerSetup } from './worker-protocol.js';

/** Inputs queued per worker: enough to keep it busy, few enough to bound memory. */
const QUEUE_PER_WORKER = 4;

/**
 * The compiled worker script: beside this code (the bundle in dist/cli/, or dist/src/parallel/),
 * or in dist/ when running from sources under the test runner.
 */
function workerScript(): string | undefined {
  for (const name of ['./scan-worker.mjs', './scan-worker.js']) {
    const beside = fileURLToPath(new URL(name, import.meta.url));
    if (existsSync(beside)) return beside;
  }
  const built = join(PACKAGE_ROOT, 'dist', 'src', 'parallel', 'scan-worker.js');
  return existsSync(built) ? built : undefined;
}

/** The selected rules as packs again (plain data a worker can receive). */
export function packsOf(rules: readonly Rule[]): RulePack[] {
  const packs = new Map<string, RulePack>();
  for (const rule of rules) {
    const key = `${rule.file}\0${rule.provider.id}`;
    const pack = packs.get(key) ?? { file: rule.file, provider: rule.provider, rules: [] };
    pack.rules.push(rule.spec);
    packs.set(key, pack);
  }
  return [...packs.values()];
}

/** Copies a byte view into its own buffer so it can be transferred to a worker without copying again. */
function transferable(input: ScanInput): { input: ScanInput; transfer: ArrayBuffer[] } {
  if (!('bytes' in input)) return { input, transfer: [] };
  // A copy (not Buffer#slice, which is a view into a shared pool that must not be detached).
  const bytes = new Uint8Array(input.bytes);
  return { input: { ...input, bytes }, transfer: [bytes.buffer as ArrayBuffer] };
}

/**
 * Scans on `threads` worker threads. Undefined when the compiled worker script is not available,
 * so the caller falls back to scanning in-process.
 */
export function workerPoolScanner(threads: number, setup: WorkerSetup): ChunkScanner | undefined {
  const script = workerScript();
  if (script === undefined) return undefined;
  const pending = new Map<number, { resolve: (scan: InputScan) => void; reject: (error: Error) => void }>();
  const load: number[] = [];
  let nextId = 0;
  let failure: Error | undefined;
  const workers = Array.from({ length: threads }, (_, index) => {
    const worker = new Worker(script, { workerData: setup });
    load[index] = 0;
    worker.on('message', (reply: WorkerReply) => {
      load[index] = (load[index] ?? 1) - 1;
      pending.get(reply.id)?.resolve(reply.scan);
      pending.delete(reply.id);
    });
    worker.on('error', (error) => {
      failure = error;
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
    return worker;
  });
  return {
    capacity: threads * QUEUE_PER_WORKER,
    scan(input) {
      if (failure !== undefined) return Promise.reject(failure);
      const index = load.indexOf(Math.min(...load));
      load[index] = (load[index] ?? 0) + 1;
      const id = nextId++;
      const message = transferable(input);
      return new Promise<InputScan>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        (workers[index] as Worker).postMessage({ id, input: message.input }, message.transfer);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
