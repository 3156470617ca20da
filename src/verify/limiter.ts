/** Runs tasks at most `concurrency` at a time, starting at most one per host every `perHostIntervalMs`. */
export type Limiter = <T>(host: string, task: () => Promise<T>) => Promise<T>;

/** Limits from the verifier's options. */
export interface LimiterOptions {
  concurrency: number;
  perHostIntervalMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A limiter: a global cap on requests in flight and a minimum spacing of requests to one host. */
export function createLimiter(options: LimiterOptions): Limiter {
  const nextStart = new Map<string, number>();
  const waiting: (() => void)[] = [];
  let running = 0;
  const acquire = async (): Promise<void> => {
    if (running < options.concurrency) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next === undefined) running--;
    else next();
  };
  return async (host, task) => {
    const now = Date.now();
    const start = Math.max(now, nextStart.get(host) ?? now);
    nextStart.set(host, start + options.perHostIntervalMs);
    if (start > now) await sleep(start - now);
    await acquire();
    try {
      return await task();
    } finally {
      release();
    }
  };
}
