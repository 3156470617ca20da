import { describe, expect, it } from 'vitest';
import { createColors } from '../../../src/reporters/text/color.js';

describe('createColors', () => {
  it('wraps text in ANSI codes that reset only their own attribute', () => {
    const c = createColors(true);
    expect(c.red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(c.bold('x')).toBe('\u001b[1mx\u001b[22m');
    expect(c.bold(c.red('x'))).toBe('\u001b[1m\u001b[31mx\u001b[39m\u001b[22m');
  });

  it('returns text unchanged when disabled', () => {
    const c = createColors(false);
    for (const paint of Object.values(c)) expect(paint('x')).toBe('x');
  });
});
