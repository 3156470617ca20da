import { describe, expect, it } from 'vitest';
import { detectJsonStyle } from '../../src/init/json-style.js';
import { HUSKY_RANGE, updatePackageJson } from '../../src/init/package-json.js';

describe('updatePackageJson', () => {
  it('changes nothing (same text) when everything is there', () => {
    const text = '{"devDependencies":{"husky":"^9.0.0"},"dependencies":{"secretscan":"^1.0.0"},"scripts":{"prepare":"husky"}}';
    expect(updatePackageJson(text, '1.2.3')).toEqual({ text, changes: [] });
  });

  it('inserts into sorted devDependencies in order, and appends to unsorted ones', () => {
    const sorted = updatePackageJson('{\n  "devDependencies": {\n    "eslint": "1",\n    "typescript": "5"\n  }\n}\n', '1.2.3');
    expect(Object.keys((JSON.parse(sorted.text) as { devDependencies: object }).devDependencies)).toEqual(['eslint', 'husky', 'secretscan', 'typescript']);
    const unsorted = updatePackageJson('{\n  "devDependencies": {\n    "typescript": "5",\n    "eslint": "1"\n  }\n}\n', '1.2.3');
    expect(Object.keys((JSON.parse(unsorted.text) as { devDependencies: object }).devDependencies)).toEqual(['typescript', 'eslint', 'husky', 'secretscan']);
  });

  it('uses ^ + the running version and the pinned husky range', () => {
    const { text, changes } = updatePackageJson('{}', '1.2.3');
    expect(JSON.parse(text)).toEqual({ devDependencies: { husky: HUSKY_RANGE, secretscan: '^1.2.3' }, scripts: { prepare: 'husky' } });
    expect(changes).toEqual(['added devDependencies husky ^9.1.7 and secretscan ^1.2.3', 'set scripts.prepare to "husky"']);
  });

  it('leaves a prepare script that already runs husky (any form) alone', () => {
    for (const prepare of ['husky', 'husky install', 'npm run build && husky', 'node x.js; husky .config/husky']) {
      const text = JSON.stringify({ devDependencies: { husky: '9', secretscan: '1' }, scripts: { prepare } });
      expect(updatePackageJson(text, '1.0.0').changes).toEqual([]);
    }
  });

  it('does not make secretscan depend on itself', () => {
    const { text } = updatePackageJson('{"name":"secretscan"}', '1.0.0');
    expect((JSON.parse(text) as { devDependencies: object }).devDependencies).toEqual({ husky: HUSKY_RANGE });
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const { text } = updatePackageJson('\uFEFF{\r\n  "name": "x"\r\n}\r\n', '1.0.0');
    expect(text.startsWith('\uFEFF{\r\n  "name": "x",\r\n')).toBe(true);
    expect(text.endsWith('}\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('rejects JSON it cannot safely edit, naming the line where it can', () => {
    expect(() => updatePackageJson('[1]', '1.0.0')).toThrow('package.json: must hold a JSON object');
    expect(() => updatePackageJson('{"scripts": "x"}', '1.0.0')).toThrow('`scripts` must be an object');
    expect(() => updatePackageJson('{"scripts": {"prepare": 1}}', '1.0.0')).toThrow('`scripts.prepare` must be a string');
    expect(() => updatePackageJson('{\n  "a": 1\n  "b": 2\n}', '1.0.0')).toThrow('not valid JSON at line 3');
  });
});

describe('detectJsonStyle', () => {
  it.each([
    ['{\n  "a": 1\n}\n', 2],
    ['{\n    "a": 1\n}\n', 4],
    ['{\n\t"a": 1\n}\n', '\t'],
    ['{"a":1}', 2],
  ])('%j is indented with %j', (text, indent) => {
    expect(detectJsonStyle(text).indent).toBe(indent);
  });
});
