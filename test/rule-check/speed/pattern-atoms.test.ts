import { describe, expect, it } from 'vitest';
import { scanPatternAtoms } from '../../../src/rule-check/speed/pattern-atoms.js';

describe('scanPatternAtoms', () => {
  it('lists literal runs and the classes a pattern repeats, with their largest bound', () => {
    const atoms = scanPatternAtoms('\\b(?<secret>sk_(?:live|test)_[0-9A-Za-z]{24,247})\\b');
    expect(atoms.literals).toEqual(['sk_', 'live', 'test', '_']);
    expect(atoms.classes).toEqual([{ source: '[0-9A-Za-z]', max: 247 }]);
  });

  it('reads unbounded quantifiers, escapes and `.`, and skips classes that are not repeated', () => {
    const atoms = scanPatternAtoms('key[=:]\\s*(?<v>[^\\s"\']{8,})x.+?');
    expect(atoms.classes).toEqual([
      { source: '\\s', max: Infinity },
      { source: '[^\\s"\']', max: Infinity },
      { source: '.', max: Infinity },
    ]);
    expect(atoms.literals).toEqual(['key', 'x']);
  });

  it('counts what a repeated group holds as repeated: (\\w+\\s?)+ repeats \\s too', () => {
    expect(scanPatternAtoms('(\\w+\\s?)+$').classes.map((c) => c.source)).toEqual(['\\w', '\\s']);
    expect(scanPatternAtoms('(?:ab)*c').classes.map((c) => c.source)).toEqual(['[a]', '[b]']);
  });

  it('treats a quantified literal as a one-character class and escaped metacharacters as literals', () => {
    const atoms = scanPatternAtoms('a+\\.b\\k<s1>c{2}');
    expect(atoms.classes.map((c) => c.source)).toEqual(['[a]', '[c]']);
    expect(atoms.literals).toEqual(['.b']);
  });
});
