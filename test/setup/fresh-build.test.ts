import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';
import { staleOutputs } from './fresh-build.js';

async function tree(): Promise<string> {
  const root = await makeTempDir();
  await mkdir(join(root, 'src', 'engine'), { recursive: true });
  await mkdir(join(root, 'dist'));
  await writeFile(join(root, 'src', 'engine', 'a.ts'), '');
  await writeFile(join(root, 'dist', 'a.js'), '');
  await writeFile(join(root, 'dist', 'b.js'), '');
  const old = new Date('2024-01-01T00:00:00Z');
  await utimes(join(root, 'src', 'engine', 'a.ts'), old, old);
  await utimes(join(root, 'src', 'engine'), old, old);
  await utimes(join(root, 'src'), old, old);
  return root;
}

describe('staleOutputs', () => {
  it('is empty when every output is newer than every input', async () => {
    const root = await tree();
    expect(staleOutputs(root, ['src'], ['dist/a.js', 'dist/b.js'])).toEqual([]);
  });

  it('names outputs older than a source edited after the build, however deep, and missing outputs', async () => {
    const root = await tree();
    const later = new Date(Date.now() + 60_000);
    await utimes(join(root, 'src', 'engine', 'a.ts'), later, later);
    expect(staleOutputs(root, ['src'], ['dist/a.js', 'dist/b.js'])).toEqual(['dist/a.js', 'dist/b.js']);
    const older = await tree();
    expect(staleOutputs(older, ['src'], ['dist/a.js', 'dist/missing.js'])).toEqual(['dist/missing.js']);
  });
});
