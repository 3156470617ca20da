import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo } from '../helpers/git-repo.js';
import { BIN, MINIMAL_ENV, STACK_FRAME } from './spawn-cli.js';

/** 300 distinct secrets: a JSON report of well over the 64 KiB a pipe buffers, so a write hits the closed pipe. */
function manySecrets(): string {
  return Array.from({ length: 300 }, (_, i) => `K${i}=${FAKE.stripe.slice(0, -4)}${String(i).padStart(4, '0')}\n`).join('');
}

/** Runs `node dist/cli/bin.mjs ...args | head -c 10` through sh; stderr is the CLI's alone. */
function pipeIntoHead(args: string[], cwd: string) {
  const script = '"$0" "$@" | head -c 10';
  return spawnSync('sh', ['-c', script, process.execPath, BIN, ...args], { cwd, env: MINIMAL_ENV, encoding: 'utf8', timeout: 20_000 });
}

describe('stdout closed early by the reader', () => {
  // Found by this test and fixed (src/cli/main.ts): a reader that goes away (`| head`) made the next
  // write fail with EPIPE and node print a stack trace; the CLI now stops quietly.
  it('scan --history --format json | head -c 10 prints no stack trace', { timeout: 30_000 }, async () => {
    const repo = await createRepo({ commits: [{ files: { 'keys.env': manySecrets() } }] });
    for (const format of ['json', 'text']) {
      const run = pipeIntoHead(['scan', '--history', '--format', format], repo);
      expect(run.error).toBeUndefined();
      expect(run.stdout).toHaveLength(10);
      expect(run.stderr, format).not.toMatch(STACK_FRAME);
      expect(run.stderr.trimEnd().split('\n').length, format).toBeLessThanOrEqual(1);
    }
  });
});
