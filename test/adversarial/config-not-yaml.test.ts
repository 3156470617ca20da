import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { STACK_FRAME } from './spawn-cli.js';

// Fixed bytes, not random ones, so the case is the same on every run: NULs, invalid UTF-8,
// control characters and YAML indicators in a row.
const GARBAGE = Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x5b, 0x3a, 0x00, 0x01, 0x02, 0x2d, 0x20, 0x5b, 0x0a, 0x09, 0x3a, 0x3a, 0x7d, 0xc3, 0x28, 0x0a, 0x1b, 0x5b, 0x33, 0x31, 0x6d]);

/** Scans a fresh repository whose `.secretscan.yaml` and `other.yaml` both hold `content`. */
async function scanWithConfig(content: string | Buffer, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
  await writeFile(join(repo, '.secretscan.yaml'), content);
  await writeFile(join(repo, 'other.yaml'), content);
  return runCli(['scan', ...args], { cwd: repo });
}

describe('a config file that is not a YAML mapping', () => {
  it.each([
    ['binary garbage', GARBAGE],
    ['a YAML list', '- allowlist\n- rules\n'],
    ['a bare scalar', 'just some words\n'],
  ])('%s: exit 2 naming the file, without a stack', async (_name, content) => {
    for (const args of [[], ['--config', 'other.yaml']]) {
      const run = await scanWithConfig(content, args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^secretscan: invalid configuration/);
      expect(run.stderr).toContain(args.length === 0 ? '.secretscan.yaml' : 'other.yaml');
      expect(run.stderr).not.toMatch(STACK_FRAME);
    }
  });
});

describe('a config key with terminal control characters', () => {
  // Found by this test and fixed (src/cli/run.ts): an unknown key with an ESC sequence reached the
  // terminal raw; messages now escape control and bidi characters as reports do.
  it('exits 2 and shows the key without raw control characters', async () => {
    const run = await scanWithConfig('\u001b[31mevil: 1\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.secretscan.yaml:1:');
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
