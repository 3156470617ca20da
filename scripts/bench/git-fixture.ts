import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarks } from './fast-import-stream.js';

/**
 * A sealed git environment: no system or global config, fixed identity and dates, so the commit
 * (and its SHA) is the same on every machine.
 */
export function sealedGitEnv(): Record<string, string> {
  const date = '2024-01-01T00:00:00Z';
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: '/nonexistent',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Bench Author',
    GIT_AUTHOR_EMAIL: 'bench@example.invalid',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: 'Bench Author',
    GIT_COMMITTER_EMAIL: 'bench@example.invalid',
    GIT_COMMITTER_DATE: date,
  };
}

/** Runs git sealed in `cwd` and returns its stdout; throws when it fails. `stdinFd` feeds it a file. */
export function runGit(cwd: string, args: readonly string[], stdinFd?: number): string {
  const result = spawnSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
    cwd,
    env: sealedGitEnv(),
    encoding: 'utf8',
    stdio: [stdinFd ?? 'ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error !== undefined) throw new Error(`git ${args[0] ?? ''} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr.trim().split('\n')[0] ?? ''}`);
  return result.stdout;
}

/** Turns `dir` into a repository with everything in it committed once; returns the commit SHA. */
export function commitAll(dir: string): string {
  runGit(dir, ['init', '--quiet', '--initial-branch=main']);
  runGit(dir, ['add', '--all']);
  runGit(dir, ['commit', '--quiet', '--no-verify', '-m', 'bench tree']);
  return runGit(dir, ['rev-parse', 'HEAD']).trim();
}

/**
 * Makes `dir` (empty or missing) a repository holding the fast-import stream in `streamPath`, with
 * `main` checked out. Returns the commits' object names by mark.
 */
export function importStream(dir: string, streamPath: string): Map<number, string> {
  mkdirSync(dir, { recursive: true });
  runGit(dir, ['init', '--quiet', '--initial-branch=main']);
  const marksPath = join(dir, '.git', 'bench-marks');
  const fd = openSync(streamPath, 'r');
  try {
    runGit(dir, ['fast-import', '--quiet', `--export-marks=${marksPath}`], fd);
  } finally {
    closeSync(fd);
  }
  runGit(dir, ['reset', '--hard', '--quiet']);
  const marks = parseMarks(readFileSync(marksPath, 'utf8'));
  rmSync(marksPath);
  return marks;
}
