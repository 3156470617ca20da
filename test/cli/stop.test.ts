import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.mjs', import.meta.url));

/** A tree big enough that scanning it takes well over a second: 600 files of ~120 KB, keyword-dense. */
async function bigTree(): Promise<string> {
  const dir = await makeTempDir();
  const line = 'const apiKey = lookup(token, secret, password); // key token secret pass\n';
  const body = line.repeat(1600);
  for (let d = 0; d < 6; d++) {
    await mkdir(join(dir, `d${d}`));
    await Promise.all(Array.from({ length: 100 }, (_, f) => writeFile(join(dir, `d${d}`, `f${f}.ts`), `${body}${d === 0 && f === 0 ? `K=${FAKE.stripe}\n` : ''}`)));
  }
  return dir;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function start(args: string[], cwd: string, afterMs?: { ms: number; signal: NodeJS.Signals }): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    if (afterMs !== undefined) setTimeout(() => child.kill(afterMs.signal), afterMs.ms);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

interface Report {
  isPartial: boolean;
  problems: { message: string }[];
  stats: { chunks: number };
}

describe('stopping a scan', () => {
  it('--timeout stops, writes the report marked partial, and exits 2', async () => {
    const dir = await bigTree();
    const run = await start(['scan', '--threads', '0', '--timeout', '0.3', '--format', 'json', '--output', 'report.json'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the scan is partial');
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
    expect(report.isPartial).toBe(true);
    expect(report.problems.map((p) => p.message).join('\n')).toContain('--timeout of 0.3 s');
    expect(report.stats.chunks).toBeLessThan(600);
  }, 30_000);

  it('Ctrl-C (SIGINT) writes a partial report and exits 2', async () => {
    const dir = await bigTree();
    const run = await start(['scan', '--threads', '0', '--format', 'json', '--output', 'report.json'], dir, { ms: 400, signal: 'SIGINT' });
    expect(run.code).toBe(2);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
    expect(report.isPartial).toBe(true);
    expect(report.problems.map((p) => p.message).join('\n')).toContain('interrupted');
  }, 30_000);

  it('SIGKILL mid-scan leaves the previous report intact', async () => {
    const dir = await bigTree();
    await writeFile(join(dir, 'report.json'), '{"previous": true}\n');
    const run = await start(['scan', '--threads', '0', '--format', 'json', '--output', 'report.json'], dir, { ms: 400, signal: 'SIGKILL' });
    expect(run.signal).toBe('SIGKILL');
    expect(await readFile(join(dir, 'report.json'), 'utf8')).toBe('{"previous": true}\n');
  }, 30_000);

  it('rejects a --timeout that is not a positive number', async () => {
    const dir = await makeTempDir();
    const run = await start(['scan', '--timeout', '0'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--timeout 0 is not a positive number of seconds');
  });
});
