import { describe, expect, it } from 'vitest';
import { packsOf, workerPoolScanner } from '../../src/parallel/index.js';
import { loadBuiltinRules } from '../../src/rules/index.js';
import { FAKE } from '../helpers/fake-secrets.js';

const { rules } = await loadBuiltinRules();
const setup = { packs: packsOf(rules), allowlist: [], shouldSkipPathSuppression: false, shouldRevealSecrets: false };

describe('workerPoolScanner', () => {
  it('scans batches of byte and text inputs on worker threads, results in order', async () => {
    const pool = workerPoolScanner(2, setup);
    if (pool === undefined) throw new Error('the compiled worker is missing: run npm run build');
    try {
      const scans = await pool.scanBatch([
        { origin: 'history', path: 'a.env', bytes: Buffer.from(`K=${FAKE.stripe}\n`), startLine: 1 },
        { origin: 'history', path: 'b.bin', bytes: Buffer.from([0, 1, 2]), startLine: 1 },
        { origin: 'tree', path: 'c.txt', text: 'nothing here', startLine: 1 },
      ]);
      expect(scans.map((s) => [s.isBinary, s.findings.map((f) => f.ruleId)])).toEqual([
        [false, ['stripe.secret-key']],
        [true, []],
        [false, []],
      ]);
      expect(JSON.stringify(scans)).not.toContain(FAKE.stripe);
    } finally {
      await pool.close();
    }
  });

  it('fails the pending and later scans when a worker dies, instead of waiting forever', async () => {
    const pool = workerPoolScanner(1, setup);
    if (pool === undefined) throw new Error('the compiled worker is missing: run npm run build');
    try {
      // Not text: scanning it throws inside the worker, which then stops.
      const broken = { origin: 'stdin', path: 'a', text: null as unknown as string, startLine: 1 } as const;
      await expect(pool.scanBatch([broken])).rejects.toThrow();
      await expect(pool.scanBatch([{ origin: 'stdin', path: 'b', text: 'fine', startLine: 1 }])).rejects.toThrow();
    } finally {
      await pool.close();
    }
  });
});
