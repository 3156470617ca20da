import { spawn } from 'node:child_process';
import { lstat, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/write-file-atomic.js';
import { makeTempDir } from './helpers/temp-dir.js';

describe('writeFileAtomic', () => {
  it('replaces a file and leaves no temporary file behind', async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'report.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('writes through a symlink and keeps the link', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'real.json'), 'old');
    await symlink('real.json', join(dir, 'link.json'));
    await writeFileAtomic(join(dir, 'link.json'), 'new');
    expect(await readlink(join(dir, 'link.json'))).toBe('real.json');
    expect(await readFile(join(dir, 'real.json'), 'utf8')).toBe('new');
  });

  it('writes into a pipe instead of renaming over it', async () => {
    const dir = await makeTempDir();
    const fifo = join(dir, 'pipe');
    await new Promise((resolve, reject) => spawn('mkfifo', [fifo]).on('exit', resolve).on('error', reject));
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.on('data', (d: Buffer) => (received += d.toString()));
    const done = new Promise((resolve) => reader.on('exit', resolve));
    await writeFileAtomic(fifo, 'through the pipe');
    await done;
    expect(received).toBe('through the pipe');
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });

  it('fails with a clear error when the directory does not exist', async () => {
    const dir = await makeTempDir();
    await expect(writeFileAtomic(join(dir, 'missing', 'r.json'), 'x')).rejects.toThrow(/cannot write .*r\.json: ENOENT/);
  });
});
