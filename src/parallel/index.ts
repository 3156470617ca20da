export type { WorkerSetup } from './worker-protocol.js';
export { packsOf, workerPoolScanner } from './worker-pool.js';
