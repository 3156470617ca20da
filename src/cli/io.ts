/** A stream the CLI writes to. */
export interface OutputStream {
  write: (text: string) => unknown;
  /** True when connected to a terminal (colour and progress output). */
  isTTY?: boolean;
}

/**
 * Everything the CLI touches in the outside world, passed in so tests can run `run()` in-process
 * with buffers. `main.ts` builds it from `process`.
 */
export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  /**
   * Reads standard input, stopping once it holds more than `maxBytes` bytes (the caller then
   * refuses it): an endless stream (`< /dev/zero`) is never read to the end.
   */
  readStdin: (maxBytes: number) => Promise<Buffer>;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The running script as Node was given it (`process.argv[1]`): tells a local install from a global one. */
  scriptPath?: string | undefined;
  /** Registers a handler for an interrupt (Ctrl-C); returns the function that unregisters it. */
  onInterrupt?: (handler: () => void) => () => void;
}
