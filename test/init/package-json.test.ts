import { describe, expect, it } from 'vitest';
import { detectJsonStyle } from '../../src/init/json-style.js';
import { HUSKY_RANGE, huskyPrepareCommand, updatePackageJson } from '../../src/init/package-json.js';

const AT_TOP = (spec: string | undefined) => ({ secretscanSpec: spec, packageDir: '' });

describe('updatePackageJson', () => {
  it('changes nothing (same text) when everything is there', () => {
    const text = '{"devDependencies":{"husky":"^9.0.0"},"dependencies":{"secretscan":"^1.0.0"},"scripts":{"prepare":"husky"}}';
    expect(updatePackageJson(text, AT_TOP('file:../x.tgz'))).toEqual({ text, changes: [], hasSecretscan: true });
  });

  it('inserts into sorted devDependencies in order, and appends to unsorted ones', () => {
    const sorted = updatePackageJson('{\n  "devDependencies": {\n    "eslint": "1",\n    "typescript": "5"\n  }\n}\n', AT_TOP('^1.2.3'));
    expect(Object.keys((JSON.parse(sorted.text) as { devDependencies: object }).devDependencies)).toEqual(['eslint', 'husky', 'secretscan', 'typescript']);
    const unsorted = updatePackageJson('{\n  "devDependencies": {\n    "typescript": "5",\n    "eslint": "1"\n  }\n}\n', AT_TOP('^1.2.3'));
    expect(Object.keys((JSON.parse(unsorted.text) as { devDependencies: object }).devDependencies)).toEqual(['typescript', 'eslint', 'husky', 'secretscan']);
  });

  it('uses the given secretscan spec, the pinned husky range and a prepare that tolerates husky being absent', () => {
    const { text, changes } = updatePackageJson('{}', AT_TOP('file:../secretscan-1.2.3.tgz'));
    expect(JSON.parse(text)).toEqual({ devDependencies: { husky: HUSKY_RANGE, secretscan: 'file:../secretscan-1.2.3.tgz' }, scripts: { prepare: 'husky || true' } });
    expect(changes).toEqual(['added devDependencies husky ^9.1.7 and secretscan file:../secretscan-1.2.3.tgz', 'set scripts.prepare to "husky || true"']);
  });

  it('adds no secretscan spec when none is known, and keeps any existing one', () => {
    const none = updatePackageJson('{}', AT_TOP(undefined));
    expect(JSON.parse(none.text)).toEqual({ devDependencies: { husky: HUSKY_RANGE }, scripts: { prepare: 'husky || true' } });
    expect(none.hasSecretscan).toBe(false);
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
      const kept = updatePackageJson(JSON.stringify({ [field]: { secretscan: 'git+file:///x#abc' } }), AT_TOP('^9.9.9'));
      expect(kept.text).not.toContain('^9.9.9');
      expect(kept.hasSecretscan).toBe(true);
    }
  });

  it('runs husky from the top level for a package in a subfolder, and groups it after an existing prepare', () => {
    expect(huskyPrepareCommand('')).toBe('husky || true');
    expect(huskyPrepareCommand('frontend')).toBe('cd .. && husky frontend/.husky || true');
    expect(huskyPrepareCommand('apps/web')).toBe('cd ../.. && husky apps/web/.husky || true');
    const { text } = updatePackageJson('{"scripts":{"prepare":"npm run build"}}', { secretscanSpec: undefined, packageDir: 'frontend' });
    expect((JSON.parse(text) as { scripts: { prepare: string } }).scripts.prepare).toBe('npm run build && (cd .. && husky frontend/.husky || true)');
  });

  it('leaves a prepare script that already runs husky (any form) alone', () => {
    for (const prepare of ['husky', 'husky install', 'npm run build && husky', 'node x.js; husky .config/husky']) {
      const text = JSON.stringify({ devDependencies: { husky: '9', secretscan: '1' }, scripts: { prepare } });
      expect(updatePackageJson(text, AT_TOP('^1.0.0')).changes).toEqual([]);
    }
  });

  it('does not make secretscan depend on itself', () => {
    const { text } = updatePackageJson('{"name":"secretscan"}', AT_TOP('^1.0.0'));
    expect((JSON.parse(text) as { devDependencies: object }).devDependencies).toEqual({ husky: HUSKY_RANGE });
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const { text } = updatePackageJson('\uFEFF{\r\n  "name": "x"\r\n}\r\n', AT_TOP('^1.0.0'));
    expect(text.startsWith('\uFEFF{\r\n  "name": "x",\r\n')).toBe(true);
    expect(text.endsWith('}\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('rejects JSON it cannot safely edit, naming the line where it can', () => {
    expect(() => updatePackageJson('[1]', AT_TOP('^1.0.0'))).toThrow('package.json: must hold a JSON object');
    expect(() => updatePackageJson('{"scripts": "x"}', AT_TOP('^1.0.0'))).toThrow('`scripts` must be an object');
    expect(() => updatePackageJson('{"scripts": {"prepare": 1}}', AT_TOP('^1.0.0'))).toThrow('`scripts.prepare` must be a string');
    expect(() => updatePackageJson('{\n  "a": 1\n  "b": 2\n}', AT_TOP('^1.0.0'))).toThrow('not valid JSON at line 3');
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
