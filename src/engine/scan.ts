import { performance } from 'node:perf_hooks';
import { compareFindings, SEVERITIES, type Finding, type ScanResult, type SeverityCounts } from '../findings/index.js';
import { sizeOf, type ChunkScanner, type InputScan } from './chunk-scanner.js';
import type { ScanInput } from './types.js';

/**
 * The inputs until `signal` aborts; the wait for the next input is cut short too, and the source
 * is closed (its git processes stopped) when the loop ends early.
 */
async function* untilAborted(inputs: AsyncIterable<ScanInput>, signal: AbortSignal | undefined): AsyncGenerator<ScanInput> {
  if (signal === undefined) {
    yield* inputs;
    return;
  }
  const iterator = inputs[Symbol.asyncIterator]();
  try {
    while (!signal.aborted) {
      const next = await nextOrAbort(iterator, signal);
      if (next === 'aborted' || next.done === true) return;
      yield next.value;
    }
  } finally {
    // Not awaited: a source blocked on git would hold the scan; return() stops its processes.
    void iterator.return?.().catch(() => undefined);
  }
}

/**
 * The iterator's next value, or 'aborted' as soon as the signal aborts. The abort listener is
 * removed again each time: racing every step against one long-lived promise would leave a reaction
 * per input on it, and a history audit has hundreds of thousands of inputs.
 */
function nextOrAbort(iterator: AsyncIterator<ScanInput>, signal: AbortSignal): Promise<IteratorResult<ScanInput> | 'aborted'> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
    iterator.next().then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Waits for `work`, or only until `signal` aborts: a batch stuck in a slow regex on a worker must
 * not hold the scan, which returns what it has and closes the scanner (terminating the worker).
 * Work whose wait was cut short is not counted: its inputs are not in the result.
 */
function settledOrAborted(work: Promise<unknown>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return work.then(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Optional observers of a scan. */
export interface ScanHooks {
  /** Called for each byte input that turned out to be binary. */
  onBinary?: (input: ScanInput) => void;
  /** Called after each input is scanned, with running totals (inputs, characters). */
  onProgress?: (chunks: number, characters: number) => void;
  /** Stops reading more input (a timeout or an interrupt); what was scanned so far is returned. */
  signal?: AbortSignal;
  /** Called for each finding with its raw value (held only while the scan runs, see value-sweep.ts). */
  onFound?: (secretId: string, secret: string) => void;
  /** Keep at most this many findings (the first in report order); count the rest in `unlisted`. Default: no limit. */
  maxFindings?: number;
}

/**
 * Cuts `result.findings` down to the first `limit` in report order, counting the rest by severity
 * in `result.unlisted`. Called whenever the list doubles the limit, so the scan holds at most twice
 * the limit and sorts O(n log limit) overall; the kept set is the same whatever order inputs finished in.
 */
function trimToLimit(result: ScanResult, limit: number): void {
  if (result.findings.length <= limit) return;
  result.findings.sort(compareFindings);
  const unlisted = result.unlisted ?? { limit, high: 0, medium: 0, low: 0 };
  for (let i = limit; i < result.findings.length; i++) unlisted[(result.findings[i] as Finding).severity]++;
  result.findings.length = limit;
  result.unlisted = unlisted;
}

function addUnlisted(result: ScanResult, counts: SeverityCounts | undefined, limit: number): void {
  if (counts === undefined) return;
  const unlisted = result.unlisted ?? { limit, high: 0, medium: 0, low: 0 };
  for (const severity of SEVERITIES) unlisted[severity] += counts[severity];
  result.unlisted = unlisted;
}

/**
 * Runs every input through the scanner, keeping at most `scanner.capacity` in flight (so reading
 * never runs ahead of matching by more than that), and gathers one ScanResult with findings sorted.
 */
export async function scanChunks(inputs: AsyncIterable<ScanInput>, scanner: ChunkScanner, hooks: ScanHooks = {}): Promise<ScanResult> {
  const started = performance.now();
  const limit = hooks.maxFindings ?? Number.POSITIVE_INFINITY;
  const result: ScanResult = {
    findings: [],
    suppressed: { inline: 0, allowlist: 0, paths: 0 },
    skipped: [],
    problems: [],
    stats: { chunks: 0, bytes: 0, durationMs: 0 },
    isPartial: false,
  };
  const merge = (input: ScanInput, scanned: InputScan): void => {
    if (scanned.isBinary) hooks.onBinary?.(input);
    result.stats.chunks++;
    result.stats.bytes += scanned.characters;
    for (const finding of scanned.findings) result.findings.push(finding);
    if (hooks.onFound !== undefined && scanned.secrets !== undefined) scanned.findings.forEach((finding, at) => hooks.onFound?.(finding.secretId, scanned.secrets?.[at] as string));
    addUnlisted(result, scanned.unlisted, limit);
    if (result.findings.length >= 2 * limit) trimToLimit(result, limit);
    result.suppressed.inline += scanned.suppressed.inline;
    result.suppressed.allowlist += scanned.suppressed.allowlist;
    result.suppressed.paths += scanned.suppressed.paths;
    hooks.onProgress?.(result.stats.chunks, result.stats.bytes);
  };
  const inFlight = new Set<Promise<void>>();
  const dispatch = (batch: ScanInput[]): void => {
    const pending: Promise<void> = scanner.scanBatch(batch).then((scans) => {
      inFlight.delete(pending);
      // A batch that comes back after the stop is left out, as its wait was.
      if (hooks.signal?.aborted === true) return;
      scans.forEach((scanned, index) => merge(batch[index] as ScanInput, scanned));
    });
    inFlight.add(pending);
    // A failure surfaces through race/all below; this only keeps it from being reported twice.
    pending.catch(() => undefined);
  };
  let batch: ScanInput[] = [];
  let batchSize = 0;
  for await (const input of untilAborted(inputs, hooks.signal)) {
    batch.push(input);
    batchSize += sizeOf(input);
    if (batchSize < scanner.batchBytes) continue;
    dispatch(batch);
    batch = [];
    batchSize = 0;
    if (inFlight.size >= scanner.capacity) await settledOrAborted(Promise.race(inFlight), hooks.signal);
  }
  if (batch.length > 0 && hooks.signal?.aborted !== true) dispatch(batch);
  await settledOrAborted(Promise.all(inFlight), hooks.signal);
  result.findings.sort(compareFindings);
  trimToLimit(result, limit);
  result.stats.durationMs = Math.round(performance.now() - started);
  return result;
}
