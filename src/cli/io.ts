/** A stream the CLI writes to. */
export interface OutputStream {
  write: (text: string) => unknown;
  /** True when connected to a terminal (colour and progress output). */
  isTTY?: boolean;
}

/**
 * Everything the CLI touches in the outside world, passed in so tests can run `run()` in-process
 * with buffers. `bin.ts` builds it from `process`.
 */
export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Reads all of standard input. */
  readStdin: () => Promise<Buffer>;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Registers a handler for an interrupt (Ctrl-C); returns the function that unregisters it. */
  onInterrupt?: (handler: () => void) => () => void;
}
