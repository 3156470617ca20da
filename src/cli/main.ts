// The command line, started by bin.ts once the module compile cache is on.
import { readStreamAtMost } from '../safe-fs/index.js';
import { run } from './run.js';

async function readStdin(maxBytes: number): Promise<Buffer> {
  const bytes = await readStreamAtMost(process.stdin as AsyncIterable<Buffer>, maxBytes);
  // Stop reading: what is left in the pipe is not needed, and the writer gets EPIPE.
  process.stdin.destroy();
  return bytes;
}

// A reader that stops early (`secretscan scan | head`) closes the pipe: that ends the output,
// it is not a crash, so exit quietly instead of printing EPIPE with a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

/** The first Ctrl-C stops the scan and writes a partial report; a second one exits at once. */
function onInterrupt(handler: () => void): () => void {
  const listener = (): void => {
    process.removeListener('SIGINT', listener);
    process.once('SIGINT', () => process.exit(130));
    handler();
  };
  process.on('SIGINT', listener);
  return () => process.removeListener('SIGINT', listener);
}

void run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
  env: process.env,
  cwd: process.cwd(),
  scriptPath: process.argv[1],
  onInterrupt,
}).then((code) => {
  process.exitCode = code;
});
