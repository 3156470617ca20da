import { describe, expect, it } from 'vitest';
import { describeBaselineChange } from '../../src/suppress/index.js';

const entry = (char: string) => ({ fingerprint: `v1:${char.repeat(32)}`, ruleId: 'r.x', path: 'p' });

describe('describeBaselineChange', () => {
  it('counts entries, and what was added and removed since the previous file', () => {
    expect(describeBaselineChange(undefined, [entry('a')])).toBe('1 entry');
    expect(describeBaselineChange([entry('a')], [entry('a')])).toBe('1 entry (unchanged)');
    expect(describeBaselineChange([entry('a'), entry('b')], [entry('b'), entry('c'), entry('d')])).toBe('3 entries (2 added, 1 removed)');
    expect(describeBaselineChange([entry('a')], [])).toBe('0 entries (0 added, 1 removed)');
  });
});
