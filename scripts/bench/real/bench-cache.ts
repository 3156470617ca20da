import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the real-code benches keep what they download and build (registry tarballs, the history
 * repository, the node_modules tree): SECRETSCAN_BENCH_CACHE, default ~/.cache/secretscan-bench.
 * Outside the repository; never committed.
 */
export function benchCacheDir(): string {
  return process.env.SECRETSCAN_BENCH_CACHE || join(homedir(), '.cache', 'secretscan-bench');
}
