import { spawn, type SpawnOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The shipped, bundled CLI (built by `npm run build`), run as users run it. */
export const BIN = fileURLToPath(new URL('../../dist/cli/bin.mjs', import.meta.url));

/** A minimal environment for the spawned CLI: PATH only, no colour. */
export const MINIMAL_ENV: NodeJS.ProcessEnv = { PATH: process.env.PATH, NO_COLOR: '1' };

/** What a spawned run produced; `isKilled` when it outlived its budget and was stopped. */
export interface SpawnedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  isKilled: boolean;
  ms: number;
}

/** Matches a JavaScript stack frame line: no CLI message may contain one. */
export const STACK_FRAME = /\n\s+at /;

/**
 * Spawns `node dist/cli/bin.mjs ...args` in `cwd` with a minimal environment and kills it
 * (SIGKILL) when it runs longer than `budgetMs`, so a hang fails the test instead of stalling it.
 */
export function spawnCli(args: string[], options: { cwd: string; budgetMs: number; extra?: SpawnOptions }): Promise<SpawnedRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: MINIMAL_ENV, stdio: ['ignore', 'pipe', 'pipe'], ...options.extra });
    let stdout = '';
    let stderr = '';
    let isKilled = false;
    child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => {
      isKilled = true;
      child.kill('SIGKILL');
    }, options.budgetMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, isKilled, ms: Date.now() - started });
    });
  });
}
