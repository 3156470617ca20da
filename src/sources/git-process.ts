import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitError } from '../errors.js';
import { sealedGitEnv } from './git-env.js';

/** `-c` settings every streamed git command runs with, whatever the repository's own config says. */
const SEALED_ARGS = [
  '-c',
  'core.quotePath=off',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'diff.noprefix=false',
  '-c',
  'diff.mnemonicPrefix=false',
  '-c',
  'diff.relative=false',
  '-c',
  'diff.external=',
  '-c',
  'color.ui=false',
  '-c',
  'log.showSignature=false',
  '-c',
  'core.commentChar=#',
];

const STDERR_LIMIT = 4096;
const GIT_VERSION_HINT = 'install git 2.32 or newer';

/** A running git process whose stdout is consumed as a stream. */
export interface GitProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves when git exits with 0; rejects with a GitError carrying git's message otherwise. */
  done: Promise<void>;
}

function describeFailure(args: readonly string[], code: number | null, stderr: string): GitError {
  const message =
    stderr
      .trim()
      .split('\n')
      .find((line) => line.startsWith('fatal:') || line.startsWith('error:')) ??
    stderr.trim().split('\n')[0] ??
    '';
  return new GitError('E_GIT', `git ${args[0] ?? ''} failed (exit ${code ?? 'signal'}): ${message}`);
}

/**
 * Starts git sealed (see sealedGitEnv) in `cwd`; stdout is left to the caller to read. With
 * `isStdoutHandedOff` (its stdout piped into another process) completion is the process's exit,
 * since the parent never sees that stream close.
 */
export function spawnGit(cwd: string, args: readonly string[], options: { isStdoutHandedOff?: boolean } = {}): GitProcess {
  const child = spawn('git', [...SEALED_ARGS, ...args], { cwd, env: sealedGitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  // git may exit before reading its input (a failed rev-parse): the broken pipe is not our error.
  child.stdin.on('error', () => undefined);
  child.stderr.on('data', (data: Buffer) => {
    if (stderr.length < STDERR_LIMIT) stderr += data.toString('utf8');
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new GitError('E_GIT_MISSING', 'git is not installed or not on PATH', { cause: error, hint: GIT_VERSION_HINT }) : new GitError('E_GIT', `cannot run git: ${error.message}`, { cause: error }));
    });
    child.on(options.isStdoutHandedOff === true ? 'exit' : 'close', (code) => (code === 0 ? resolve() : reject(describeFailure(args, code, stderr))));
  });
  // The caller may stop reading early; an unhandled rejection must not crash the process then.
  done.catch(() => undefined);
  return { child, done };
}

/** Runs git to completion and returns its stdout as text (for small outputs only). */
export async function gitText(cwd: string, args: readonly string[], input?: string): Promise<string> {
  const { child, done } = spawnGit(cwd, args);
  const parts: Buffer[] = [];
  child.stdout.on('data', (data: Buffer) => parts.push(data));
  child.stdin.end(input ?? '');
  await done;
  return Buffer.concat(parts).toString('utf8');
}

/**
 * Streams git's stdout as lines (Buffers without the `\n`), holding only one pending partial
 * line in memory. Throws git's error after the last line if it exits non-zero.
 */
export async function* gitLines(cwd: string, args: readonly string[]): AsyncGenerator<Buffer> {
  const { child, done } = spawnGit(cwd, args);
  child.stdin.end();
  let pending: Buffer | undefined;
  try {
    for await (const data of child.stdout as AsyncIterable<Buffer>) {
      let start = 0;
      for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, start)) {
        const piece = data.subarray(start, at);
        yield pending === undefined ? piece : Buffer.concat([pending, piece]);
        pending = undefined;
        start = at + 1;
      }
      if (start < data.length) pending = pending === undefined ? Buffer.from(data.subarray(start)) : Buffer.concat([pending, data.subarray(start)]);
    }
    if (pending !== undefined) yield pending;
    await done;
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

/** What one git command printed, and how it exited. */
export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs git sealed (see sealedGitEnv and SEALED_ARGS), without a shell, for small outputs, and
 * resolves whatever it exits with; throws only when git cannot be started.
 */
export function runGit(cwd: string, args: readonly string[]): Promise<GitRun> {
  return new Promise((done, reject) => {
    execFile('git', [...SEALED_ARGS, ...args], { cwd, env: sealedGitEnv(), encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : error.code;
      if (typeof code === 'number') return done({ code, stdout, stderr });
      reject(
        code === 'ENOENT' ? new GitError('E_GIT_MISSING', 'git is not installed or not on PATH', { cause: error, hint: GIT_VERSION_HINT }) : new GitError('E_GIT', `cannot run git: ${error?.message ?? 'unknown error'}`, { cause: error }),
      );
    });
  });
}

/** Runs git sealed and returns its stdout as bytes (blob contents); rejects when git fails. */
export function gitBytes(cwd: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((done, reject) => {
    execFile('git', [...SEALED_ARGS, ...args], { cwd, env: sealedGitEnv(), encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 }, (error, stdout) => {
      if (error === null) done(stdout);
      else reject(new GitError('E_GIT', `git ${args[0] ?? ''} failed: ${error.message.split('\n')[0] ?? ''}`, { cause: error }));
    });
  });
}
