import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { STACK_FRAME } from './spawn-cli.js';

// One 50 MB line, with a keyword hit ("key=") every 300 bytes so the keyword prefilter cannot
// rule the file out, and the secret near the end: matching must stay linear and the report small.
const UNIT = `key=${'x'.repeat(296)}`;
const SIZE = 50 * 1024 * 1024;

async function plantHugeLine(): Promise<string> {
  const dir = await makeTempDir();
  const head = UNIT.repeat(Math.floor(SIZE / UNIT.length));
  await writeFile(join(dir, 'huge.txt'), `${head} stripe ${FAKE.stripe} ${UNIT.repeat(3)}`);
  return dir;
}

describe('a 50 MB single-line file with keyword noise', () => {
  it('is scanned with --max-file-size 100MB and the secret found (exit 1)', { timeout: 30_000 }, async () => {
    const dir = await plantHugeLine();
    const run = await runCli(['scan', '--max-file-size', '100MB', '--format', 'json'], { cwd: dir });
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { path: string; startLine: number; context: string }[] };
    expect(report.findings).toEqual([expect.objectContaining({ path: 'huge.txt', startLine: 1 })]);
    // The context line is cut around the secret, not the whole 50 MB line.
    expect(run.stdout.length).toBeLessThan(100_000);
    expect(run.stdout).not.toContain(FAKE.stripe);
  });

  it('is skipped as too-large under the default limit, and listed (exit 0)', { timeout: 30_000 }, async () => {
    const dir = await plantHugeLine();
    const run = await runCli(['scan', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: unknown[]; skipped: { path: string; reason: string }[] };
    expect(report.findings).toEqual([]);
    expect(report.skipped).toEqual([expect.objectContaining({ path: 'huge.txt', reason: 'too-large' })]);
  });
});
