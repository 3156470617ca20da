import { describe, expect, it } from 'vitest';
import { formatScale, throughputOf } from '../../../../scripts/bench/scale/format-scale.js';

describe('formatScale', () => {
  it('prints both rule sets and the all/seed throughput ratio with PASS at or above 0.5', () => {
    const lines = formatScale({ name: 'all', ruleCount: 45, samples: [300, 200, 250], findings: 20 }, { name: 'seed', ruleCount: 10, samples: [100, 120, 110], findings: 18 }, 10e6);
    expect(lines[1]).toMatch(/^all\s+45\s+0\.200 s\s+0\.250 s\s+0\.300 s\s+40\.0\s+20$/);
    expect(lines[2]).toMatch(/^seed\s+10\s+/);
    expect(lines.at(-1)).toBe('throughput all / seed, ratio of medians: 0.44 (target >= 0.5): FAIL');
  });

  it('computes throughput from the median in MB/s', () => {
    expect(throughputOf({ samples: [1000, 2000, 4000] }, 4e6)).toBe(2);
  });
});
