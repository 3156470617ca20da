import { spawn } from 'node:child_process';
import { chmod, lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileSafely } from '../../src/safe-fs/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('writeFileSafely', () => {
  it('replaces a file and leaves no temporary file behind', async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'report.json');
    await writeFile(path, 'old');
    await writeFileSafely(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('keeps the mode of the file it replaces (0600 stays 0600)', async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'report.sarif');
    await writeFile(path, 'old');
    await chmod(path, 0o600);
    await writeFileSafely(path, 'new');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await chmod(path, 0o640);
    await writeFileSafely(path, 'newer', { mode: 0o600 });
    expect((await stat(path)).mode & 0o777).toBe(0o640);
  });

  it('gives a new file the mode asked for, and an executable one 0755', async () => {
    const dir = await makeTempDir();
    await writeFileSafely(join(dir, 'secret.txt'), 'x', { mode: 0o600 });
    expect((await stat(join(dir, 'secret.txt'))).mode & 0o777).toBe(0o600);
    await writeFileSafely(join(dir, 'hook'), '#!/bin/sh\n', { isExecutable: true });
    expect((await stat(join(dir, 'hook'))).mode & 0o777).toBe(0o755);
  });

  it('refuses a symlink and leaves its target untouched', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'victim'), 'precious');
    await symlink('victim', join(dir, 'link.json'));
    await expect(writeFileSafely(join(dir, 'link.json'), 'new')).rejects.toThrow(/not writing .*link\.json: it is a symbolic link/);
    expect(await readFile(join(dir, 'victim'), 'utf8')).toBe('precious');
    expect(await readlink(join(dir, 'link.json'))).toBe('victim');
  });

  it('refuses a dangling symlink (it would create the file it points to)', async () => {
    const dir = await makeTempDir();
    await symlink(join(dir, 'created-elsewhere'), join(dir, 'out.sarif'));
    await expect(writeFileSafely(join(dir, 'out.sarif'), 'x', { mayBeDevice: true })).rejects.toThrow(/symbolic link/);
    await expect(lstat(join(dir, 'created-elsewhere'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a symlinked directory between the root and the file', async () => {
    const root = await makeTempDir();
    const outside = await makeTempDir();
    await symlink(outside, join(root, 'reports'));
    await expect(writeFileSafely(join(root, 'reports', 'r.sarif'), 'x', { root, shouldCreateDirectories: true })).rejects.toThrow(/reports: it is a symbolic link to a directory/);
    expect(await readdir(outside)).toEqual([]);
  });

  it('creates missing directories under the root when asked', async () => {
    const root = await makeTempDir();
    await writeFileSafely(join(root, 'a', 'b', 'r.sarif'), 'x', { root, shouldCreateDirectories: true });
    expect(await readFile(join(root, 'a', 'b', 'r.sarif'), 'utf8')).toBe('x');
  });

  it('writes into a pipe in place when the path may be a device, and refuses it otherwise', async () => {
    const dir = await makeTempDir();
    const fifo = join(dir, 'pipe');
    await new Promise((resolve, reject) => spawn('mkfifo', [fifo]).on('exit', resolve).on('error', reject));
    await expect(writeFileSafely(fifo, 'x')).rejects.toThrow(/not a regular file/);
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.on('data', (d: Buffer) => (received += d.toString()));
    const done = new Promise((resolve) => reader.on('exit', resolve));
    await writeFileSafely(fifo, 'through the pipe', { mayBeDevice: true });
    await done;
    expect(received).toBe('through the pipe');
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });

  it('writes to /dev/null through its symlink when the path may be a device', async () => {
    const dir = await makeTempDir();
    await symlink('/dev/null', join(dir, 'null'));
    await writeFileSafely(join(dir, 'null'), 'discarded', { mayBeDevice: true });
    expect(await readlink(join(dir, 'null'))).toBe('/dev/null');
  });

  it('fails with a clear error when the directory does not exist or the path is a directory', async () => {
    const dir = await makeTempDir();
    await expect(writeFileSafely(join(dir, 'missing', 'r.json'), 'x')).rejects.toThrow(/cannot write .*r\.json: ENOENT/);
    await mkdir(join(dir, 'sub'));
    await expect(writeFileSafely(join(dir, 'sub'), 'x')).rejects.toThrow(/it is a directory/);
  });
});
