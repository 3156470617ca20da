import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tarEntries } from '../../../../scripts/bench/real/tar-entries.js';

const scratch = mkdtempSync(join(tmpdir(), 'tar-entries-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('tarEntries', () => {
  it('reads the regular files of a gzipped tar as tar wrote it: long names, nested folders, empty files; no directories or links', () => {
    const root = join(scratch, 'package');
    const longDir = join(root, 'a'.repeat(60), 'b'.repeat(60));
    mkdirSync(longDir, { recursive: true });
    writeFileSync(join(root, 'index.js'), 'module.exports = 1;\n');
    writeFileSync(join(root, 'empty.txt'), '');
    writeFileSync(join(longDir, `${'c'.repeat(90)}.js`), Buffer.alloc(1500, 'x'));
    execFileSync('ln', ['-s', 'index.js', join(root, 'link.js')]);
    for (const format of ['ustar', 'pax', 'gnu']) {
      const tgz = join(scratch, `${format}.tgz`);
      execFileSync('tar', [`--format=${format}`, '-czf', tgz, '-C', scratch, 'package']);
      const entries = tarEntries(readFileSync(tgz));
      const byPath = new Map(entries.map((e) => [e.path, e.data.toString('utf8')]));
      expect([...byPath.keys()].sort(), format).toEqual(['package/empty.txt', 'package/index.js', `package/${'a'.repeat(60)}/${'b'.repeat(60)}/${'c'.repeat(90)}.js`].sort());
      expect(byPath.get('package/index.js')).toBe('module.exports = 1;\n');
      expect(byPath.get(`package/${'a'.repeat(60)}/${'b'.repeat(60)}/${'c'.repeat(90)}.js`)).toBe('x'.repeat(1500));
    }
  });
});
