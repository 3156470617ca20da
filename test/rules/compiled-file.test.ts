import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILED_FORMAT, COMPILED_RULES_FILE, digestBuiltinPacks, digestFiles, encodeCompiledJson, readCompiledJson, readFreshCompiledJson } from '../../src/rules/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

async function sourcesIn(files: Record<string, string>): Promise<{ dir: string; digest: () => string }> {
  const dir = await makeTempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, digest: () => digestFiles(dir, Object.keys(files).sort()) };
}

describe('compiled files', () => {
  it('round-trip their payload while the sources keep their digest, whatever the file times', async () => {
    const { dir, digest } = await sourcesIn({ 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 2\n' });
    const file = join(dir, 'compiled.json');
    writeFileSync(file, encodeCompiledJson(digest(), JSON.stringify([{ id: 'x' }])));
    utimesSync(file, new Date(2001, 0, 1), new Date(2001, 0, 1));
    utimesSync(join(dir, 'a.yaml'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    const read = readCompiledJson(file, digest());
    expect(read).toMatchObject({ payload: [{ id: 'x' }], stamp: { format: COMPILED_FORMAT, sources: digest() } });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('payload');
  });

  it('are stale once a source changes, a source is added, or one is renamed', async () => {
    const { dir, digest } = await sourcesIn({ 'a.yaml': 'a: 1\n' });
    const before = digest();
    writeFileSync(join(dir, 'a.yaml'), 'a: 2\n');
    expect(digest()).not.toBe(before);
    expect(digestFiles(dir, [])).not.toBe(before);
    writeFileSync(join(dir, 'b.yaml'), 'a: 1\n');
    writeFileSync(join(dir, 'a.yaml'), 'a: 1\n');
    expect(digest()).toBe(before);
    expect(digestFiles(dir, ['b.yaml'])).not.toBe(before);
    const file = join(dir, 'compiled.json');
    writeFileSync(file, encodeCompiledJson(before, '[]'));
    expect(readCompiledJson(file, digestFiles(dir, ['b.yaml']))).toEqual({ reason: 'it is stale: the sources changed since it was built' });
  });

  it('are refused when the payload or the stamp was edited, or the layout differs', async () => {
    const dir = await makeTempDir();
    const file = join(dir, 'compiled.json');
    const good = encodeCompiledJson('s', JSON.stringify([{ pattern: 'sk_live_' }]));
    const cases: [string, string][] = [
      [good.replace('sk_live_', 'sk_test_'), 'its content does not match its build stamp (damaged or edited)'],
      [good.replace('"format":2', '"format":1'), `it has layout 1, this version reads ${COMPILED_FORMAT}`],
      [good.replace('"sources":"s"', '"sources":1'), 'its build stamp is damaged'],
      [good.slice(0, -1), 'it has no build stamp (written by an older build, or not by the build)'],
      [JSON.stringify({ count: 1, packs: [] }), 'it has no build stamp (written by an older build, or not by the build)'],
    ];
    for (const [text, reason] of cases) {
      writeFileSync(file, text);
      expect(readCompiledJson(file, 's')).toEqual({ reason });
    }
    expect(readCompiledJson(join(dir, 'missing.json'), 's')).toEqual({ reason: 'it does not exist (run the build)' });
  });

  it('include the built-in packs, stamped by the build with their current digest', () => {
    const read = readCompiledJson(COMPILED_RULES_FILE, digestBuiltinPacks());
    expect(read).toHaveProperty('payload');
    expect('payload' in read && Array.isArray(read.payload) && read.payload.length > 100).toBe(true);
  });

  it('are used by the one fresh-file loader only when fresh and of the expected shape', async () => {
    const { dir, digest } = await sourcesIn({ 'a.yaml': 'a: 1\n' });
    const file = join(dir, 'compiled.json');
    const source = { file, digestSources: digest, sourcesName: 'the packs', isPayload: (p: unknown): p is string[] => Array.isArray(p), payloadName: 'a list' };
    writeFileSync(file, encodeCompiledJson(digest(), '["x"]'));
    expect(readFreshCompiledJson(source)).toMatchObject({ payload: ['x'], stamp: { sources: digest() } });
    writeFileSync(file, encodeCompiledJson(digest(), '{"x":1}'));
    expect(readFreshCompiledJson(source)).toEqual({ reason: 'its content is not a list' });
    writeFileSync(join(dir, 'a.yaml'), 'a: 2\n');
    expect(readFreshCompiledJson(source)).toEqual({ reason: 'it is stale: the sources changed since it was built' });
    const unreadable = { ...source, digestSources: () => digestFiles(dir, ['missing.yaml']) };
    expect(readFreshCompiledJson(unreadable)).toEqual({ reason: 'the packs cannot be read (ENOENT)' });
  });
});
