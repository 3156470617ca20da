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
