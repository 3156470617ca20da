import { describe, expect, it } from 'vitest';
import { printableJson } from '../../src/terminal-text/index.js';

describe('printableJson', () => {
  it('escapes control, C1, line-separator and bidi characters, and parses back to the same value', () => {
    const value = { path: 'evil\u001b]0;x\u0007\u0085\u2028\u202e\u2066.pem', n: 1 };
    const text = printableJson(value);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('\\u0085\\u2028\\u202e\\u2066');
    expect(JSON.parse(text)).toEqual(value);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
