import { UsageError } from '../errors.js';

/**
 * The longest timeout a timer can hold: Node's timers take at most 2^31 - 1 ms (about 24.8 days)
 * and fire after 1 ms past that, which would stop a scan at once.
 */
export const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** Why and when a scan should stop early: a `--timeout`, or an interrupt. */
export interface ScanStop {
  signal: AbortSignal;
  /** The problem to record when the scan was stopped, undefined when it ran to the end. */
  reason: () => string | undefined;
  dispose: () => void;
}

/**
 * Arms the scan's stop conditions: `timeoutSeconds` (if given) and Ctrl-C (when the caller can
 * report it through `onInterrupt`). Either one aborts the signal; the scan then reports what it has, marked partial.
 */
export function armScanStop(timeoutSeconds: number | undefined, onInterrupt?: (handler: () => void) => () => void): ScanStop {
  const controller = new AbortController();
  let reason: string | undefined;
  const stop = (why: string): void => {
    if (reason !== undefined) return;
    reason = why;
    controller.abort(why);
  };
  if (timeoutSeconds !== undefined && !(timeoutSeconds > 0 && timeoutSeconds <= MAX_TIMEOUT_SECONDS)) {
    throw new UsageError(`a timeout of ${timeoutSeconds} s is outside 0 to ${MAX_TIMEOUT_SECONDS} s (about 24 days)`);
  }
  const timer = timeoutSeconds === undefined ? undefined : setTimeout(() => stop(`stopped after the --timeout of ${timeoutSeconds} s; the report covers what was scanned until then`), timeoutSeconds * 1000);
  timer?.unref();
  const unregister = onInterrupt?.(() => stop('interrupted; the report covers what was scanned until then'));
  return {
    signal: controller.signal,
    reason: () => reason,
    dispose: () => {
      clearTimeout(timer);
      unregister?.();
    },
  };
}
