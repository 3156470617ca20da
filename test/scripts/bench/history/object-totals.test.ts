import { describe, expect, it } from 'vitest';
import { tallyObjectLine, type ObjectTotals } from '../../../../scripts/bench/history/object-totals.js';

describe('tallyObjectLine', () => {
  it('counts every object and sums the blobs', () => {
    const totals: ObjectTotals = { blobs: 0, blobBytes: 0, objects: 0 };
    for (const line of ['blob 10', 'tree 99', 'commit 250', 'blob 5', 'tag 140']) tallyObjectLine(totals, line);
    expect(totals).toEqual({ blobs: 2, blobBytes: 15, objects: 5 });
  });

  it('rejects a line of another format', () => {
    expect(() => tallyObjectLine({ blobs: 0, blobBytes: 0, objects: 0 }, 'abc123 blob 10')).toThrow(/unexpected/);
  });
});
