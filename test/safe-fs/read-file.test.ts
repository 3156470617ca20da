import { Readable } from 'node:stream';
import { spawn } from 'node:child_process';
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile, readRegularFileSync, readStreamAtMost } from '../../src/safe-fs/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('readRegularFile', () => {
  it('reads a regular file', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'a'), 'hello');
    expect((await readRegularFile(join(dir, 'a'), { maxBytes: 10 })).toString()).toBe('hello');
  });

  it('refuses a symlink (ELOOP), even to a regular file, unless asked to follow it', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'a'), 'hello');
    await symlink('a', join(dir, 'link'));
    await expect(readRegularFile(join(dir, 'link'), { maxBytes: 10 })).rejects.toMatchObject({ code: 'ELOOP' });
    expect((await readRegularFile(join(dir, 'link'), { maxBytes: 10, shouldFollowSymlink: true })).toString()).toBe('hello');
  });

  it('refuses /dev/zero, directly and through a followed symlink, without reading it (ENOTREG)', async () => {
    const dir = await makeTempDir();
    await symlink('/dev/zero', join(dir, '.npmrc'));
    await expect(readRegularFile('/dev/zero', { maxBytes: 10 })).rejects.toMatchObject({ code: 'ENOTREG' });
    await expect(readRegularFile(join(dir, '.npmrc'), { maxBytes: 10, shouldFollowSymlink: true })).rejects.toMatchObject({ code: 'ENOTREG' });
  });

  it('refuses a named pipe without waiting for a writer', async () => {
    const dir = await makeTempDir();
    const fifo = join(dir, 'pipe');
    await new Promise((resolve, reject) => spawn('mkfifo', [fifo]).on('exit', resolve).on('error', reject));
    await expect(readRegularFile(fifo, { maxBytes: 10 })).rejects.toMatchObject({ code: 'ENOTREG' });
  });

  it('stops at maxBytes: EFBIG, or the first maxBytes when truncating', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'big'), 'x'.repeat(100));
    await expect(readRegularFile(join(dir, 'big'), { maxBytes: 99 })).rejects.toMatchObject({ code: 'EFBIG' });
    expect((await readRegularFile(join(dir, 'big'), { maxBytes: 10, shouldTruncate: true })).length).toBe(10);
    expect((await readRegularFile(join(dir, 'big'), { maxBytes: 100 })).length).toBe(100);
  });
});

describe('readStreamAtMost', () => {
  it('stops reading an endless stream just past the limit', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1024));
      },
    });
    const bytes = await readStreamAtMost(endless, 10_000);
    endless.destroy();
    expect(bytes.length).toBe(10_001);
    expect(pulled).toBeLessThan(20);
  });

  it('returns a short stream whole', async () => {
    expect((await readStreamAtMost(Readable.from([Buffer.from('ab'), Buffer.from('c')]), 10)).toString()).toBe('abc');
  });
});

describe('readRegularFileSync', () => {
  it('reads what readRegularFile reads and refuses what it refuses, with the same codes', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'a'), 'hello');
    await writeFile(join(dir, 'big'), 'x'.repeat(100));
    await writeFile(join(dir, 'empty'), '');
    await symlink('a', join(dir, 'link'));
    await symlink('/dev/zero', join(dir, '.npmrc'));
    const fifo = join(dir, 'pipe');
    await new Promise((resolve, reject) => spawn('mkfifo', [fifo]).on('exit', resolve).on('error', reject));
    const outcome = (read: () => Buffer): string => {
      try {
        return `ok:${read().toString()}`;
      } catch (error) {
        return `error:${String((error as NodeJS.ErrnoException).code)}`;
      }
    };
    const cases: [string, { maxBytes: number; shouldFollowSymlink?: boolean; shouldTruncate?: boolean }, string][] = [
      ['a', { maxBytes: 10 }, 'ok:hello'],
      ['empty', { maxBytes: 10 }, 'ok:'],
      ['link', { maxBytes: 10 }, 'error:ELOOP'],
      ['link', { maxBytes: 10, shouldFollowSymlink: true }, 'ok:hello'],
      ['.npmrc', { maxBytes: 10, shouldFollowSymlink: true }, 'error:ENOTREG'],
      ['pipe', { maxBytes: 10 }, 'error:ENOTREG'],
      ['big', { maxBytes: 10 }, 'error:EFBIG'],
      ['big', { maxBytes: 10, shouldTruncate: true }, `ok:${'x'.repeat(10)}`],
      ['big', { maxBytes: 100 }, `ok:${'x'.repeat(100)}`],
      ['missing', { maxBytes: 10 }, 'error:ENOENT'],
    ];
    for (const [name, options, expected] of cases) {
      const path = join(dir, name);
      expect(
        outcome(() => readRegularFileSync(path, options)),
        `${name} ${JSON.stringify(options)}`,
      ).toBe(expected);
      const asyncOutcome = await readRegularFile(path, options).then(
        (bytes) => `ok:${bytes.toString()}`,
        (error: NodeJS.ErrnoException) => `error:${String(error.code)}`,
      );
      expect(asyncOutcome, `${name} (async)`).toBe(expected);
    }
  });
});
