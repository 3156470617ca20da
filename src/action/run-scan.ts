import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { run } from '../cli/run.js';
import type { Io } from '../cli/io.js';
import type { ScanResult } from '../findings/index.js';
import { parseScanResult } from './scan-result.js';

/** What to scan and how. */
export interface ScanRequest {
  /** The workspace: the scan runs as if started there. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The source's arguments (`--range A..B`, `--history`, or `--` and paths), last on the line. */
  sourceArgs: string[];
  config?: string;
  baseline?: string;
  /** Where the temporary JSON report goes: `RUNNER_TEMP` on a runner. */
  tempRoot?: string;
}

/** The scanner's exit code and messages, and its result when it wrote a report. */
export interface ScanOutcome {
  exitCode: number;
  /** The scanner's messages (stderr, and stdout, which stays empty with --output), without the line naming the temporary report. */
  stderr: string;
  result?: ScanResult;
}

/** The `secretscan scan` arguments: JSON to a file, matching on this thread, then the source. */
export function scanArgv(request: ScanRequest, jsonPath: string): string[] {
  const argv = ['scan', '--format', 'json', '--output', jsonPath, '--threads', '0'];
  if (request.config !== undefined) argv.push('--config', request.config);
  if (request.baseline !== undefined) argv.push('--baseline', request.baseline);
  return [...argv, ...request.sourceArgs];
}

/**
 * Runs the CLI's `scan` once, in this process, writing its JSON report to a temporary file, and
 * reads the result back. Worker threads are off (`--threads 0`): the bundled action ships no
 * worker script, so matching happens on this thread wherever the action runs.
 */
export async function runScan(request: ScanRequest): Promise<ScanOutcome> {
  const dir = await mkdtemp(join(request.tempRoot ?? tmpdir(), 'secretscan-'));
  const jsonPath = join(dir, 'report.json');
  let stderr = '';
  const io: Io = {
    stdout: { write: (text: string) => (stderr += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    readStdin: () => Promise.resolve(Buffer.alloc(0)),
    env: request.env,
    cwd: request.cwd,
  };
  try {
    const exitCode = await run(scanArgv(request, jsonPath), io);
    const report = await readFile(jsonPath, 'utf8').catch(() => undefined);
    // The CLI names the report it wrote (relative to the workspace); that temporary file means nothing to a reader.
    const shown = stderr.split('\n').filter((line) => !line.includes(basename(dir))).join('\n');
    return { exitCode, stderr: shown, ...(report === undefined ? {} : { result: parseScanResult(report) }) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
