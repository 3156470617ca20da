import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('command line', () => {
  it('prints the main help, command help and the version', async () => {
    const cwd = await makeTempDir();
    const main = await runCli(['--help'], { cwd });
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('scan --history');
    const scan = await runCli(['scan', '--help'], { cwd });
    expect(scan.code).toBe(0);
    expect(scan.stdout).toMatch(/-f, --format FORMAT +report format \(one of: text, json, sarif, markdown, html; default: text\)/);
    expect(main.stdout).toContain('report merge');
    expect((await runCli(['report', 'merge', '--help'], { cwd })).stdout).toMatch(/usage: secretscan report merge FILE\.\.\. \[--format json\|markdown\|sarif\|html\]/);
    expect((await runCli(['--version'], { cwd })).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await runCli(['rules', 'check', '--help'], { cwd })).stdout).toContain('usage: secretscan rules check [DIR]');
  });

  it.each([
    [[], 'usage: secretscan <command>'],
    [['scna'], 'unknown command: scna'],
    [['rules'], 'name a subcommand'],
    [['rules', 'lsit'], 'unknown subcommand: rules lsit'],
    [['scan', '--format', 'xml'], '--format xml is not one of: text, json, sarif, markdown'],
    [['scan', '--output'], "Option '-o, --output <value>' argument missing"],
    [['scan', '--threads', 'two'], '--threads two is not a whole number'],
    [['rules', 'check', 'a', 'b'], 'unexpected argument: b'],
  ])('%j exits 2 with a clear message', async (argv, message) => {
    const run = await runCli(argv, { cwd: await makeTempDir() });
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
