import { epochMillisOf } from '../shared/iso-instant.js';
import { html } from './escape.js';
import type { AuditSecret } from './types.js';

/** Rows the timeline draws at most (one per secret and repository, worst secrets first). */
export const MAX_TIMELINE_ROWS = 200;

const WIDTH = 960;
const LABEL_WIDTH = 340;
const ROW_HEIGHT = 18;
const AXIS_HEIGHT = 28;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - 20;

interface Row {
  label: string;
  /** The first commit's date as written (ISO 8601). */
  date: string;
  severity: string;
  start: number;
  /** Undefined: still present at HEAD (the bar runs to the right edge). */
  end: number | undefined;
  isRemovedUnknown: boolean;
  tooltip: string;
}

function timeOf(date: string | undefined): number | undefined {
  return date === undefined ? undefined : epochMillisOf(date);
}

function rowsOf(secrets: readonly AuditSecret[]): Row[] {
  const rows: Row[] = [];
  for (const secret of secrets) {
    for (const place of secret.repositories) {
      const start = timeOf(place.firstCommit?.date);
      if (start === undefined || rows.length >= MAX_TIMELINE_ROWS) continue;
      const end = place.isPresentAtHead === false ? timeOf(place.removedIn?.date) : undefined;
      const removed = place.isPresentAtHead === false ? (place.removedIn === undefined ? 'removed (when is unknown)' : `removed ${place.removedIn.date.slice(0, 10)} in ${place.removedIn.sha.slice(0, 12)}`) : 'still at HEAD';
      rows.push({
        label: `${secret.preview === '' ? place.path : secret.preview} · ${place.repository}`,
        date: place.firstCommit?.date ?? '',
        severity: secret.severity,
        start,
        end,
        isRemovedUnknown: place.isPresentAtHead === false && end === undefined,
        tooltip: `${secret.ruleName} ${secret.preview} in ${place.repository} (${place.path}): committed ${place.firstCommit?.date.slice(0, 10) ?? ''} in ${place.firstCommit?.sha.slice(0, 12) ?? ''}, ${removed}`,
      });
    }
  }
  return rows;
}

function shorten(label: string, max: number): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

/** The calendar month after `year`-`month` (1-based), as [year, month]. */
function nextMonth(year: number, month: number): [number, number] {
  return month === 12 ? [year + 1, 1] : [year, month + 1];
}

/**
 * Year ticks (or month ticks for spans under two years) between the dates `first` and `last`
 * (ISO 8601), placed by their instants; at most about 12.
 */
function ticksOf(first: string, to: number, from: number): { at: number; label: string }[] {
  const isMonthly = to - from < 2 * 365 * 86_400_000;
  let [year, month] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  [year, month] = isMonthly ? nextMonth(year, month) : [year + 1, 1];
  const ticks: { at: number; label: string }[] = [];
  for (let i = 0; i < 400; i++) {
    const label = isMonthly ? `${year}-${String(month).padStart(2, '0')}` : String(year);
    const at = epochMillisOf(`${year}-${String(month).padStart(2, '0')}-01T00:00:00Z`);
    if (at === undefined || at > to) break;
    ticks.push({ at, label });
    [year, month] = isMonthly ? nextMonth(year, month) : [year + 1, 1];
  }
  return ticks.length > 12 ? ticks.filter((_, index) => index % Math.ceil(ticks.length / 12) === 0) : ticks;
}

/**
 * An inline SVG timeline: for each secret in each repository, a bar from the commit that put it
 * there to the commit that removed it, or an open bar to the right edge while it is still at HEAD.
 * Static markup only (titles give details on hover); empty when no finding has a commit date.
 */
export function timelineSvg(secrets: readonly AuditSecret[]): string {
  const rows = rowsOf(secrets);
  if (rows.length === 0) return '';
  const times = rows.flatMap((row) => (row.end === undefined ? [row.start] : [row.start, row.end]));
  const from = Math.min(...times);
  const to = Math.max(...times, from + 86_400_000);
  const span = to - from;
  const x = (time: number) => LABEL_WIDTH + Math.round(((time - from) / span) * (PLOT_WIDTH - 16));
  const height = AXIS_HEIGHT + rows.length * ROW_HEIGHT + 8;
  const parts = [
    `<svg class="timeline" role="img" aria-labelledby="timeline-title" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
    `<title id="timeline-title">When each secret was committed and removed, per repository</title>`,
  ];
  const earliest = rows.reduce((best, row) => (row.start < best.start ? row : best));
  for (const tick of ticksOf(earliest.date, to, from)) {
    parts.push(`<line class="tick" x1="${x(tick.at)}" y1="${AXIS_HEIGHT - 6}" x2="${x(tick.at)}" y2="${height - 4}"/>`, `<text class="axis" x="${x(tick.at) + 3}" y="${AXIS_HEIGHT - 10}">${html(tick.label)}</text>`);
  }
  rows.forEach((row, index) => {
    const y = AXIS_HEIGHT + index * ROW_HEIGHT;
    const start = x(row.start);
    const end = row.end === undefined ? (row.isRemovedUnknown ? start + 6 : LABEL_WIDTH + PLOT_WIDTH) : Math.max(start + 3, x(row.end));
    const kind = row.end === undefined ? (row.isRemovedUnknown ? 'unknown' : 'open') : 'closed';
    parts.push(
      `<g class="row sev-${html(row.severity)} ${kind}"><title>${html(row.tooltip)}</title>`,
      `<text class="label" x="${LABEL_WIDTH - 8}" y="${y + 13}" text-anchor="end">${html(shorten(row.label, 48))}</text>`,
      `<rect class="bar" x="${start}" y="${y + 4}" width="${end - start}" height="${ROW_HEIGHT - 8}" rx="2"/>`,
      `<circle class="start" cx="${start}" cy="${y + ROW_HEIGHT / 2}" r="4"/>`,
      row.end === undefined ? '' : `<line class="end" x1="${end}" y1="${y + 2}" x2="${end}" y2="${y + ROW_HEIGHT - 2}"/>`,
      '</g>',
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
