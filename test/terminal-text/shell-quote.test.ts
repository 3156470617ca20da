import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/terminal-text/index.js';

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('backend/.env')).toBe('backend/.env');
    expect(shellQuote('my file.env')).toBe("'my file.env'");
    expect(shellQuote("it's.env")).toBe("'it'\\''s.env'");
  });

  it('writes control and bidi characters as ANSI-C escapes that bash reads back to the same name', () => {
    const name = "evil\u001b]0;x\u0007\nline\u202e'\\.env";
    const quoted = shellQuote(name);
    expect(quoted).toBe("$'evil\\x1b]0;x\\x07\\x0aline\\u202e\\'\\\\.env'");
    expect(quoted).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(execFileSync('bash', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' })).toBe(name);
  });
});
