import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../scripts/bench/prng.js';
import { planStagedChange, planStagedCommits } from '../../../../scripts/bench/staged/plan-staged.js';

describe('planStagedCommits', () => {
  it('makes a few hundred files in a few commits, each from the one before', () => {
    const { commits, files } = planStagedCommits(createRandom(1));
    expect(files).toHaveLength(300);
    expect(commits.map((c) => c.from)).toEqual([undefined, 1, 2, 3]);
    expect(commits[0]?.changes).toHaveLength(300);
  });
});

describe('planStagedChange', () => {
  it('modifies four files, adds one, and adds 200 lines', () => {
    const r = createRandom(1);
    const { files } = planStagedCommits(r);
    const before = new Map(files.map((f) => [f.path, f.lines.length]));
    const change = planStagedChange(r, files);
    expect(change.filter((f) => f.isNew).map((f) => f.path)).toEqual(['src/app/feature-flags.ts']);
    expect(new Set(change.map((f) => f.path)).size).toBe(5);
    expect(change.reduce((sum, f) => sum + f.addedLines, 0)).toBe(200);
    for (const file of change.filter((f) => !f.isNew)) {
      expect(file.content.split('\n').length - 1).toBe((before.get(file.path) ?? 0) + 40 - 3);
    }
  });
});
