import { describe, expect, it } from 'vitest';
import { printable } from '../../src/terminal-text/index.js';

describe('printable', () => {
  it('keeps ordinary text, tabs and non-ASCII letters', () => {
    expect(printable('café\tkey = "sk_l…(32)"')).toBe('café\tkey = "sk_l…(32)"');
  });

  it('escapes ANSI escapes, bells, carriage returns, DEL and C1 controls', () => {
    expect(printable('\u001b[2J\u0007\r\u007f\u009b')).toBe('\\x1b[2J\\x07\\x0d\\x7f\\x9b');
  });

  it('escapes bidirectional overrides and isolates (Trojan Source)', () => {
    expect(printable('a\u202eb\u2066c\u2069')).toBe('a\\u202eb\\u2066c\\u2069');
  });
});
