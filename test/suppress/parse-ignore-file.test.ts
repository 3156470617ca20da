import { describe, expect, it } from 'vitest';
import { ScanError } from '../../src/errors.js';
import { isFingerprint, parseIgnoreFile } from '../../src/suppress/index.js';
import { FAKE } from '../helpers/fake-secrets.js';

const A = `v1:${'a'.repeat(32)}`;
const B = `v1:${'0123456789abcdef'.repeat(2)}`;

describe('parseIgnoreFile', () => {
  it('reads one fingerprint per line, skipping comments and blank lines, with line numbers', () => {
    const text = ['# test keys, reviewed', '', `${A}  # documented example key`, `   ${B}\t`, '  # indented comment', `${A}\t# tab before the comment`].join('\r\n');
    expect(parseIgnoreFile(text, '.secretscanignore')).toEqual([
      { fingerprint: A, line: 3 },
      { fingerprint: B, line: 4 },
      { fingerprint: A, line: 6 },
    ]);
  });

  it('accepts an empty file', () => {
    expect(parseIgnoreFile('', 'f')).toEqual([]);
  });

  it('names every bad line as file:line and never quotes it', () => {
    const text = [A, FAKE.stripe, `${A}# no space before the comment`, 'v1:ABC', `${B} trailing words`].join('\n');
    let error: unknown;
    try {
      parseIgnoreFile(text, '.secretscanignore');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScanError);
    const { message, exitCode } = error as ScanError;
    expect(exitCode).toBe(2);
    for (const line of [2, 3, 4, 5]) expect(message).toContain(`.secretscanignore:${line}: not a fingerprint`);
    expect(message).not.toContain('.secretscanignore:1:');
    expect(message).not.toContain(FAKE.stripe);
  });
});

describe('isFingerprint', () => {
  it('accepts v1: or v2: and 32 lower-case hex characters only', () => {
    expect([A, B].every(isFingerprint)).toBe(true);
    expect([`v3:${'a'.repeat(32)}`, `v1:${'A'.repeat(32)}`, `v1:${'a'.repeat(31)}`, `v1:${'a'.repeat(33)}`, ` ${A}`].some(isFingerprint)).toBe(false);
  });
});
