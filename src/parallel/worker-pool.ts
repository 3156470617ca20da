import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChunkScanner, InputScan, ScanInput } from '../engine/index.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { Rule, RulePack } from '../rules/index.js';
import type { WorkerReply, WorkerSetup } from './worker-protocol.js';

/** Batches queued per worker: enough to keep it busy, few enough to bound memory. */
const QUEUE_PER_WORKER = 3;
/** Bytes per batch: large enough that messaging costs little per blob. */
const BATCH_BYTES = 256 * 1024;

/**
 * The compiled worker script: beside this code (the bundle in dist/cli/, or dist/src/parallel/),
 * or in dist/ when running from sources under the test runner.
 */
function workerScript(): string | undefined {
  for (const name of ['../scan-worker.mjs', './scan-worker.mjs', './scan-worker.js']) {
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

/**
 * Copies byte views into buffers of their own so they can be transferred to a worker rather than
 * cloned (not Buffer#slice, which is a view into a shared pool that must not be detached).
 */
function transferable(inputs: ScanInput[]): { inputs: ScanInput[]; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const owned = inputs.map((input) => {
    if (!('bytes' in input)) return input;
    const bytes = new Uint8Array(input.bytes);
    transfer.push(bytes.buffer as ArrayBuffer);
    return { ...input, bytes };
  });
  return { inputs: owned, transfer };
}

/**
 * Scans on `threads` worker threads. A missing worker script is an error, not a quiet fall back
 * to this thread: it means a broken install or build, which should be seen.
 */
export function workerPoolScanner(threads: number, setup: WorkerSetup): ChunkScanner {
  const script = workerScript();
  if (script === undefined) throw new Error(`the matching worker is missing (looked beside ${fileURLToPath(import.meta.url)} and in dist/); run \`npm run build\`, or scan with --threads 0`);
  const pending = new Map<number, { resolve: (scans: InputScan[]) => void; reject: (error: Error) => void }>();
  const load: number[] = [];
  let nextId = 0;
  let failure: Error | undefined;
  let isClosing = false;
  const workers = Array.from({ length: threads }, (_, index) => {
    const worker = new Worker(script, { workerData: setup });
    load[index] = 0;
    worker.on('message', (reply: WorkerReply) => {
      load[index] = (load[index] ?? 1) - 1;
      pending.get(reply.id)?.resolve(reply.scans);
      pending.delete(reply.id);
    });
    const fail = (error: Error): void => {
      failure ??= error;
      for (const waiter of pending.values()) waiter.reject(failure);
      pending.clear();
    };
    worker.on('error', fail);
    // A worker that stops without an error (killed, out of memory) must not leave the scan waiting.
    worker.on('exit', (code) => {
      if (!isClosing) fail(new Error(`a matching thread stopped unexpectedly (exit code ${code})`));
    });
    return worker;
  });
  return {
    capacity: threads * QUEUE_PER_WORKER,
    batchBytes: BATCH_BYTES,
    scanBatch(inputs) {
      if (failure !== undefined) return Promise.reject(failure);
      const index = load.indexOf(Math.min(...load));
      load[index] = (load[index] ?? 0) + 1;
      const id = nextId++;
      const message = transferable(inputs);
      return new Promise<InputScan[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        (workers[index] as Worker).postMessage({ id, inputs: message.inputs }, message.transfer);
      });
    },
    async close() {
      isClosing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
