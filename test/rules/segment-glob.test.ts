import picomatch from 'picomatch';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toGlobs } from '../../src/rules/path-glob.js';
import { segmentGlobRegex } from '../../src/rules/segment-glob.js';

// The compact regexes must match exactly what picomatch matches for the same pair of globs.

function builtinPatterns(): string[] {
  const rules = JSON.parse(readFileSync(new URL('../../dist/rules.json', import.meta.url), 'utf8')) as { payload: { rules: { paths?: string[]; severityByPath?: { paths?: string[] }[] }[] }[] };
  const catalogue = JSON.parse(readFileSync(new URL('../../dist/sensitive-files.json', import.meta.url), 'utf8')) as { payload: { spec: { paths: string[]; exceptions: string[]; gitignore: string[] } }[] };
  const found = new Set<string>();
  for (const pack of rules.payload) {
    for (const rule of pack.rules) {
      for (const p of rule.paths ?? []) found.add(p);
      for (const entry of rule.severityByPath ?? []) for (const p of entry.paths ?? []) found.add(p);
    }
  }
  for (const { spec } of catalogue.payload) for (const p of [...spec.paths, ...spec.exceptions, ...spec.gitignore]) found.add(p);
  return [...found].map((p) => (p.startsWith('!') ? p.slice(1) : p)).filter((p) => p.trim() !== '' && !p.startsWith('#'));
}

const SYNTHETIC = [
  '*',
  '**',
  '**/*',
  'a',
  'a/b',
  '/a',
  'a/',
  '/a/b/',
  'a/*',
  '*/a',
  'a/**',
  '**/a',
  '**/a/**',
  'a/**/b',
  '**/a/**/b/**',
  '*.env',
  '.env*',
  '.*',
  '?',
  'a?c',
  '*.{js,ts}',
  '{a,b}/c',
  'x{a,b}y*',
  'test_*',
  '*_test.*',
  '*.min.{js,css}',
  'a b',
  'name@2',
  'c++',
  'x~',
  '$HOME',
  'a.b.c',
  'docs/*.md',
  '**/.kube/config',
  'src/**/*.ts',
];

const NAMES = [
  'a',
  'b',
  'c',
  'abc',
  'a b',
  '.env',
  '.env.local',
  '.env.example',
  'x.env',
  'env',
  '.',
  'file.ts',
  'file.js',
  'file.min.js',
  'id_rsa',
  'id_rsa.pub',
  'test',
  'tests',
  'test_x.py',
  'x_test.go',
  'x.test.ts',
  '.kube',
  'config',
  'credentials',
  '.aws',
  'prod',
  'production.yml',
  'a.lock',
  'package-lock.json',
  'locales',
  'xay',
  'xbyz',
  'name@2',
  'c++',
  'x~',
  '$HOME',
  'a.b.c',
  'docs',
  'src',
  'x.md',
  '.hidden',
  '..x',
];

function paths(): string[] {
  const out = new Set<string>(NAMES);
  for (const a of NAMES) for (const b of NAMES) out.add(`${a}/${b}`);
  for (const a of ['src', 'a', '.kube', 'test', 'docs', 'locales', 'deep/er']) for (const b of NAMES) for (const c of ['x.ts', 'config', '.env', 'b']) out.add(`${a}/${b}/${c}`);
  return [...out].filter((p) => !p.split('/').some((s) => s === '.' || s === '..'));
}

describe('segmentGlobRegex', () => {
  const corpus = paths();
  const patterns = [...new Set([...builtinPatterns(), ...SYNTHETIC])];

  it('covers every built-in pattern', () => {
    const missed = builtinPatterns().filter((p) => segmentGlobRegex(toGlobs(p)[0]) === undefined);
    expect(missed).toEqual([]);
  });

  it.each(patterns)('matches what picomatch matches for %j', (pattern) => {
    const globs = toGlobs(pattern);
    const regex = segmentGlobRegex(globs[0]);
    if (regex === undefined) return;
    const reference = picomatch(globs, { dot: true });
    const differ = corpus.filter((path) => regex.test(path) !== reference(path));
    expect(differ).toEqual([]);
  });

  it.each(['[ab].txt', 'a\\*b', '+(a|b)', '{1..3}', '{a,{b,c}}', './a', 'a//b', 'x**y', '!(a)'])('leaves %j to picomatch', (glob) => {
    expect(segmentGlobRegex(glob)).toBeUndefined();
  });
});
