import { describe, expect, it } from 'vitest';
import { describeSuppressions, describeUnused, type Suppressions } from '../../src/suppress/index.js';

const FP = `v1:${'c'.repeat(32)}`;
const FILES: Suppressions = {
  baseline: { file: '/r/.secretscan-baseline.json', displayName: '.secretscan-baseline.json', isDefault: true, entries: [{ fingerprint: FP, ruleId: 'stripe.secret-key', path: 'src/a.ts' }] },
  ignore: { file: '/r/.secretscanignore', displayName: '.secretscanignore', entries: [] },
};

describe('describeUnused', () => {
  it('formats unused baseline and ignore entries', () => {
    const lines = describeUnused({ baseline: [{ fingerprint: FP, ruleId: 'stripe.secret-key', path: 'src/a.ts' }], ignore: [{ fingerprint: FP, line: 7 }] }, FILES);
    expect(lines).toEqual([`unused baseline entry: ${FP} (stripe.secret-key in src/a.ts)`, `unused ignore entry: .secretscanignore:7: ${FP}`]);
  });

  it('escapes control and bidi characters from a committed baseline', () => {
    const [line] = describeUnused({ baseline: [{ fingerprint: FP, ruleId: 'r\u001b[31m', path: 'a\u202eb\nc' }], ignore: [] }, FILES);
    expect(line).toBe(`unused baseline entry: ${FP} (r\\x1b[31m in a\\u202eb\\x0ac)`);
  });

  it('says when there is nothing unused, or nothing to check', () => {
    expect(describeUnused({ baseline: [], ignore: [] }, FILES)).toEqual(['no unused baseline or ignore entries']);
    expect(describeUnused({ baseline: [], ignore: [] }, {})).toEqual(['no baseline or ignore file to check for unused entries']);
  });
});

describe('describeSuppressions', () => {
  it('says which files are used and why', () => {
    expect(describeSuppressions(FILES, false)).toEqual(['baseline: .secretscan-baseline.json, 1 entry (found at the repository root; --no-baseline turns it off)', 'ignore file: .secretscanignore, 0 fingerprints']);
    expect(describeSuppressions({}, true)).toEqual(['baseline: none (--no-baseline)', 'ignore file: none']);
  });
});
