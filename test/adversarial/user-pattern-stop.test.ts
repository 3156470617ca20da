import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepo, git } from '../helpers/git-repo.js';
import { BIN, MINIMAL_ENV } from './spawn-cli.js';

// A custom rule that passes every load-time check, and an allowlist regex that is not
// exponential (so it passes the check too) but polynomial of degree 6: on the 300-letter value
// the rule finds it would run for hours. Matching it on the main thread could not be interrupted.
const CONFIG = `rules:
  custom:
    - provider:
        id: acme
        name: Acme
        remediation:
          rotateUrl: https://acme.test/rotate
          steps: [Rotate the token]
      rules:
        - id: acme.letters
          name: Acme letters
          description: A long run of letters after acme=.
          severity: high
          pattern: 'acme=(?<secret>[a-z]{8,400})'
          keywords: [acme=]
          references: [https://acme.test/tokens]
          tags: [internal]
          examples: ['acme=qwertyuiop', 'acme=asdfghjklzx']
          negativeExamples: ['acme=abc']
allowlist:
  - reason: a slow but accepted regex
    regexes: ['^[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*!$']
`;

const VALUE = 'qwertyuiopasdfghjklzxcvbnm'.repeat(12);

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  isKilled: boolean;
}

/**
 * Runs the CLI with --debug; once it says where it matches, waits `afterMs` and sends `signal`
 * (if any). A run still alive after `budgetMs` is killed: that is the hang this test is about.
 */
function start(args: string[], cwd: string, options: { signal?: NodeJS.Signals; afterMs?: number; budgetMs: number }): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args, '--debug'], { cwd, env: MINIMAL_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let isKilled = false;
    let isSent = false;
    child.stdout.resume();
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      if (!isSent && options.signal !== undefined && stderr.includes('matching on')) {
        isSent = true;
        setTimeout(() => child.kill(options.signal), options.afterMs ?? 500);
      }
    });
    const budget = setTimeout(() => {
      isKilled = true;
      child.kill('SIGKILL');
    }, options.budgetMs);
    child.on('close', (code, signal) => {
      clearTimeout(budget);
      resolve({ code, signal, stderr, isKilled });
    });
  });
}

async function repoWithSlowValue(): Promise<string> {
  const repo = await createRepo({ commits: [{ files: { '.secretscan.yaml': CONFIG, 'README.md': 'hi\n' } }] });
  await writeFile(join(repo, 'slow.txt'), `acme=${VALUE}\n`);
  return repo;
}

describe('a slow pattern from the config can be stopped', () => {
  it('Ctrl-C (SIGINT) stops a working-tree scan stuck in it: partial report, exit 2', { timeout: 120_000 }, async () => {
    const repo = await repoWithSlowValue();
    const run = await start(['scan', 'slow.txt', '--format', 'json', '--output', 'report.json'], repo, { signal: 'SIGINT', budgetMs: 60_000 });
    expect(run.isKilled, run.stderr).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('a stop can end them there');
    const report = JSON.parse(await readFile(join(repo, 'report.json'), 'utf8')) as { isPartial: boolean; problems: { message: string }[] };
    expect(report.isPartial).toBe(true);
    expect(report.problems.map((p) => p.message).join('\n')).toContain('interrupted');
  });

  it('--timeout stops a staged scan stuck in it, even with --threads 0', { timeout: 120_000 }, async () => {
    const repo = await repoWithSlowValue();
    git(repo, ['add', 'slow.txt']);
    const run = await start(['scan', '--staged', '--threads', '0', '--timeout', '2', '--format', 'json', '--output', 'report.json'], repo, { budgetMs: 60_000 });
    expect(run.isKilled, run.stderr).toBe(false);
    expect(run.code).toBe(2);
    const report = JSON.parse(await readFile(join(repo, 'report.json'), 'utf8')) as { isPartial: boolean; problems: { message: string }[] };
    expect(report.problems.map((p) => p.message).join('\n')).toContain('--timeout of 2 s');
  });
});
