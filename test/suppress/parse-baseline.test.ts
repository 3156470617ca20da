import { describe, expect, it } from 'vitest';
import { ScanError } from '../../src/errors.js';
import { parseBaseline } from '../../src/suppress/index.js';
import { FAKE } from '../helpers/fake-secrets.js';

const FP = `v1:${'a'.repeat(32)}`;

function problemOf(text: string): ScanError {
  try {
    parseBaseline(text, 'base.json');
  } catch (error) {
    if (error instanceof ScanError) return error;
    throw error;
  }
  throw new Error('expected a ScanError');
}

describe('parseBaseline', () => {
  it('reads entries and ignores unknown keys', () => {
    const text = JSON.stringify({ version: 1, note: 'x', entries: [{ fingerprint: FP, ruleId: 'stripe.secret-key', path: 'a.ts', extra: 1 }] });
    expect(parseBaseline(text, 'base.json').entries).toEqual([{ fingerprint: FP, ruleId: 'stripe.secret-key', path: 'a.ts' }]);
  });

  it('names the file and the position of a JSON syntax error, exit 2', () => {
    const error = problemOf('{\n  "version": 1,\n  oops\n}');
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('base.json:3:3: not valid JSON');
  });

  it('never quotes the file text, which may be a secret pasted by mistake', () => {
    const error = problemOf(`${FAKE.stripe}\n`);
    expect(error.message).toContain('base.json: not valid JSON');
    expect(`${error.message}${error.hint ?? ''}`).not.toContain(FAKE.stripe);
    expect(problemOf(JSON.stringify({ version: 1, entries: [{ fingerprint: FAKE.stripe, ruleId: 'r', path: 'p' }] })).message).not.toContain(FAKE.stripe);
  });

  it('rejects a wrong version or shape', () => {
    expect(problemOf('[]').message).toContain('base.json: must be a JSON object');
    expect(problemOf('{"version":2,"entries":[]}').message).toContain('base.json: version: must be 1');
    expect(problemOf('{"version":1}').message).toContain('base.json: entries: must be an array');
  });

  it('lists every bad entry with its index and field', () => {
    const text = JSON.stringify({ version: 1, entries: [{ fingerprint: FP, ruleId: 'r', path: 'p' }, 'x', { fingerprint: 'v1:XYZ', ruleId: '', path: 3 }] });
    const message = problemOf(text).message;
    expect(message).toContain('base.json: entries[1]: must be an object');
    expect(message).toContain('base.json: entries[2].fingerprint: must be v1: or v2: followed by 32 lower-case hex characters');
    expect(message).toContain('base.json: entries[2].ruleId: must be a non-empty string');
    expect(message).toContain('base.json: entries[2].path: must be a non-empty string');
    expect(message).not.toContain('entries[0]');
  });
});
