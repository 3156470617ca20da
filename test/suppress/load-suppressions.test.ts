import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASELINE_FILE_NAME, IGNORE_FILE_NAME, loadSuppressions, readPreviousBaseline } from '../../src/suppress/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const FP = `v1:${'b'.repeat(32)}`;
const BASELINE = `${JSON.stringify({ version: 1, entries: [{ fingerprint: FP, ruleId: 'r.x', path: 'a' }] })}\n`;

describe('loadSuppressions', () => {
  it('finds nothing in an empty directory', async () => {
    const root = await makeTempDir();
    expect(await loadSuppressions({ root, cwd: root, shouldUseDefaultBaseline: true })).toEqual({});
  });

  it('uses the default baseline and the ignore file at the root, naming them relative to the working directory', async () => {
    const root = await makeTempDir();
    await mkdir(join(root, 'sub'));
    await writeFile(join(root, BASELINE_FILE_NAME), BASELINE);
    await writeFile(join(root, IGNORE_FILE_NAME), `# x\n${FP}\n`);
    const loaded = await loadSuppressions({ root, cwd: join(root, 'sub'), shouldUseDefaultBaseline: true });
    expect(loaded.baseline).toEqual({ file: join(root, BASELINE_FILE_NAME), displayName: `../${BASELINE_FILE_NAME}`, isDefault: true, entries: [{ fingerprint: FP, ruleId: 'r.x', path: 'a' }] });
    expect(loaded.ignore?.entries).toEqual([{ fingerprint: FP, line: 2 }]);
    expect(loaded.ignore?.displayName).toBe(`../${IGNORE_FILE_NAME}`);
  });

  it('skips the default baseline when told to, but still reads the ignore file', async () => {
    const root = await makeTempDir();
    await writeFile(join(root, BASELINE_FILE_NAME), 'not json');
    await writeFile(join(root, IGNORE_FILE_NAME), '');
    const loaded = await loadSuppressions({ root, cwd: root, shouldUseDefaultBaseline: false });
    expect(loaded.baseline).toBeUndefined();
    expect(loaded.ignore?.entries).toEqual([]);
  });

  it('reads an explicit baseline relative to the working directory and requires it to exist', async () => {
    const root = await makeTempDir();
    await writeFile(join(root, 'other.json'), BASELINE);
    const loaded = await loadSuppressions({ root: '/nonexistent', cwd: root, baselineFile: 'other.json', shouldUseDefaultBaseline: true });
    expect(loaded.baseline).toMatchObject({ displayName: 'other.json', isDefault: false });
    await expect(loadSuppressions({ root, cwd: root, baselineFile: 'missing.json', shouldUseDefaultBaseline: true })).rejects.toMatchObject({
      exitCode: 2,
      message: 'baseline file missing.json does not exist',
    });
  });

  it('fails on an unreadable file other than a missing one', async () => {
    const root = await makeTempDir();
    await mkdir(join(root, IGNORE_FILE_NAME));
    await expect(loadSuppressions({ root, cwd: root, shouldUseDefaultBaseline: true })).rejects.toMatchObject({ exitCode: 2, message: `cannot read ${IGNORE_FILE_NAME}: it is not a regular file` });
  });
});

describe('readPreviousBaseline', () => {
  it('returns the entries, or undefined for a missing or broken file', async () => {
    const root = await makeTempDir();
    await writeFile(join(root, 'good.json'), BASELINE);
    await writeFile(join(root, 'bad.json'), '{');
    expect(await readPreviousBaseline(join(root, 'good.json'))).toHaveLength(1);
    expect(await readPreviousBaseline(join(root, 'bad.json'))).toBeUndefined();
    expect(await readPreviousBaseline(join(root, 'none.json'))).toBeUndefined();
  });
});
