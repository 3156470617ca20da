import { describe, expect, it } from 'vitest';
import { FAKE_SECRET_MAKERS } from '../../../scripts/bench/fake-secrets.js';
import { generateTree, type TreeOptions } from '../../../scripts/bench/plan-tree.js';

const options: TreeOptions = { seed: 3, fileCount: 60, totalBytes: 600_000, plantedCount: 16 };

describe('generateTree', () => {
  const files = [...generateTree(options)];

  it('is deterministic for a seed', () => {
    const again = [...generateTree(options)];
    expect(again.map((f) => f.text)).toEqual(files.map((f) => f.text));
    expect([...generateTree({ ...options, seed: 4 })].map((f) => f.text)).not.toEqual(files.map((f) => f.text));
  });

  it('has the requested file count, roughly the requested size, and unique paths', () => {
    const bytes = files.reduce((sum, f) => sum + f.text.length, 0);
    expect(files).toHaveLength(60);
    expect(new Set(files.map((f) => f.path)).size).toBe(60);
    expect(bytes).toBeGreaterThan(0.8 * options.totalBytes);
    expect(bytes).toBeLessThan(1.5 * options.totalBytes);
  });

  it('plants every kind, in distinct files, at the reported line', () => {
    const planted = files.flatMap((f) => (f.planted === undefined ? [] : [{ ...f.planted, text: f.text }]));
    expect(planted).toHaveLength(16);
    expect(new Set(planted.map((p) => p.kind)).size).toBe(FAKE_SECRET_MAKERS.length);
    for (const plant of planted) {
      const lines = plant.text.split('\n').slice(plant.line - 1, plant.line - 1 + plant.lineCount);
      expect(lines.join('\n')).toMatch(/AWS_ACCESS_KEY_ID=|aws_secret_access_key|Stripe\(|slackToken|GITHUB_TOKEN=|-----BEGIN [\s\S]*-----END|DATABASE_URL=|Bearer eyJ/);
    }
  });
});
