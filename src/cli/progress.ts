import type { ScanOptions } from '../pipeline/index.js';
import type { Io, OutputStream } from './io.js';

/** Minimum time between two redraws of the progress line. */
const REDRAW_MS = 250;

/** A one-line progress display on a terminal's stderr: redrawn in place, erased when done. */
export interface Progress {
  update: (items: number, characters: number) => void;
  setTotal: (total: number) => void;
  done: () => void;
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  return seconds < 90 ? `${Math.ceil(seconds)} s` : `${Math.ceil(seconds / 60)} min`;
}

/**
 * Shows `label: 1,234/5,678 blobs, 120.3 MB, 85.2 MB/s, ETA 12 s` on `stream` when it is a terminal;
 * a no-op otherwise (CI logs and pipes get nothing). `now` is injected for tests.
 */
export function createProgress(stream: OutputStream, label: string, unit: string, now: () => number = Date.now): Progress {
  if (stream.isTTY !== true) return { update: () => undefined, setTotal: () => undefined, done: () => undefined };
  const started = now();
  let total: number | undefined;
  let lastDraw = 0;
  let isDrawn = false;
  return {
    setTotal: (value) => void (total = value),
    update(items, characters) {
      const time = now();
      if (time - lastDraw < REDRAW_MS) return;
      lastDraw = time;
      const seconds = Math.max(0.001, (time - started) / 1000);
      const mb = characters / 1e6;
      const count = total === undefined ? `${items.toLocaleString('en-US')} ${unit}` : `${items.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${unit}`;
      const eta = total === undefined || items === 0 ? '' : `, ETA ${formatSeconds((seconds * (total - items)) / items)}`;
      stream.write(`\r\x1b[K${label}: ${count}, ${mb.toFixed(1)} MB, ${(mb / seconds).toFixed(1)} MB/s${eta}`);
      isDrawn = true;
    },
    done() {
      if (isDrawn) stream.write('\r\x1b[K');
    },
  };
}

/** A progress line for a scan on a terminal's stderr; none elsewhere (then nothing is counted up front). */
export function progressOn(io: Io): ScanOptions['progressFor'] {
  if (io.stderr.isTTY !== true) return undefined;
  return (kind) => createProgress(io.stderr, kind === 'history' ? 'history' : 'scan', kind === 'history' ? 'blobs' : 'files');
}
