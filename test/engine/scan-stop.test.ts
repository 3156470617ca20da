import { describe, expect, it } from 'vitest';
import { scanChunks, type ChunkScanner, type ScanInput } from '../../src/engine/index.js';

async function* inputs(count: number): AsyncGenerator<ScanInput> {
  for (let i = 0; i < count; i++) yield { origin: 'stdin', path: `f${i}.txt`, text: 'hello\n', startLine: 1 };
}

describe('scanChunks and a stop', () => {
  it('returns when the signal aborts even though a batch never comes back (a matcher stuck in a regex)', async () => {
    let asked = 0;
    const stuck: ChunkScanner = {
      capacity: 2,
      batchBytes: 1,
      scanBatch: (batch) => {
        asked++;
        // The first batch comes back; the next ones never do.
        if (asked === 1) return Promise.resolve(batch.map(() => ({ findings: [], suppressed: { inline: 0, allowlist: 0, paths: 0 }, isBinary: false, characters: 6 })));
        return new Promise(() => undefined);
      },
      close: async () => undefined,
    };
    const controller = new AbortController();
    setTimeout(() => controller.abort('stop'), 50);
    const result = await scanChunks(inputs(10), stuck, { signal: controller.signal });
    expect(controller.signal.aborted).toBe(true);
    // Only what came back is counted.
    expect(result.stats.chunks).toBe(1);
  });
});
