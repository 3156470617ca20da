import { describe, expect, it } from 'vitest';
import { CaseFileError, parseCases } from '../../../scripts/conformance/cases.js';

const line = (fields: Record<string, unknown>): string => JSON.stringify({ id: 'a', source: 'gitleaks', provider: 'aws', text: 'key=abc123', expect: 'secret', secret: 'abc123', ...fields });

function errorOf(content: string): CaseFileError {
  try {
    parseCases(content);
  } catch (error) {
    if (error instanceof CaseFileError) return error;
    throw error;
  }
  throw new Error('expected a CaseFileError');
}

describe('parseCases', () => {
  it('reads cases and skips blank lines', () => {
    const cases = parseCases(`${line({})}\n\n${line({ id: 'b', expect: 'clean', secret: null })}\n`);
    expect(cases.map((c) => [c.id, c.expect, c.secret])).toEqual([
      ['a', 'secret', 'abc123'],
      ['b', 'clean', null],
    ]);
  });

  it('names the line of invalid JSON without quoting it', () => {
    const error = errorOf(`${line({})}\n{"id": "x", "text": "sk_live_`);
    expect(error.line).toBe(2);
    expect(error.message).toBe('not valid JSON');
  });

  it.each([
    [{ expect: 'maybe' }, '"expect" must be "secret" or "clean"'],
    [{ provider: 3 }, '"provider" must be a non-empty string'],
    [{ secret: 'zzz' }, '"secret" does not occur in "text"'],
    [{ expect: 'clean' }, '"secret" must be null in a clean case'],
  ])('rejects %j', (fields, message) => {
    const error = errorOf(line(fields));
    expect([error.line, error.message]).toEqual([1, message]);
  });

  it('rejects duplicate ids and empty files', () => {
    expect(errorOf(`${line({})}\n${line({})}`).line).toBe(2);
    expect(errorOf('\n\n').message).toBe('the file holds no cases');
  });
});
