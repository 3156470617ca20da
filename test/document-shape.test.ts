import { describe, expect, it } from 'vitest';
import { isRecord, isStringList, keyOf, ProblemList, unknownKeysOf } from '../src/document-shape.js';

describe('document shape checks', () => {
  it('tell mappings from lists, null and scalars', () => {
    expect([{}, { a: 1 }].map(isRecord)).toEqual([true, true]);
    expect([[], null, undefined, 'a', 1].map(isRecord)).toEqual([false, false, false, false, false]);
  });

  it('accept lists of non-empty strings, relaxed only when asked', () => {
    expect(isStringList(['a', 'b'])).toBe(true);
    expect(isStringList([])).toBe(false);
    expect(isStringList(['a', ''])).toBe(false);
    expect(isStringList(['a', 1])).toBe(false);
    expect(isStringList('a')).toBe(false);
    expect(isStringList([], { allowEmptyList: true })).toBe(true);
    expect(isStringList(['', 'a'], { allowEmptyStrings: true })).toBe(true);
  });

  it('list unknown keys in document order', () => {
    expect(unknownKeysOf({ b: 1, known: 2, a: 3 }, new Set(['known']))).toEqual(['b', 'a']);
  });

  it('name problems by file, line and subject, from the base of the checked value', () => {
    const lines = new Map([['rules.custom.0.provider', 7]]);
    const problems = new ProblemList('cfg.yaml', (path) => lines.get(path.join('.')), ['rules', 'custom', 0]);
    problems.add(['provider'], 'provider', 'missing');
    problems.add(['rules'], 'rules', 'empty');
    expect(problems.items).toEqual(['cfg.yaml:7: provider: missing', 'cfg.yaml: rules: empty']);
    const atKey = new ProblemList('c.yaml', () => undefined, [], 1);
    atKey.addAtKey(['allowlist', 0, 'paths'], 'bad');
    atKey.addAtKey([], 'not a mapping');
    expect(atKey.items).toEqual(['c.yaml:1: allowlist[0].paths: bad', 'c.yaml:1: (root): not a mapping']);
    expect(keyOf(['a', 2, 'b'])).toBe('a[2].b');
  });
});
