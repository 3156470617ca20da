import { formatColumns } from '../../format-columns.js';
import type { NodeRun } from '../run-node.js';
import { spreadOf } from '../stats.js';

/** One timed command of a real-code bench and its samples. */
export interface RealSamples {
  /** e.g. `floor`, `scan (node v24.1.0)`. */
  name: string;
  runs: NodeRun[];
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function row(s: RealSamples, bytes: number): string[] {
  const wall = spreadOf(s.runs.map((r) => r.wallMs));
  const cpu = s.runs.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs]));
  const cpuMedian = cpu.length === 0 ? undefined : spreadOf(cpu).median;
  const peak = s.runs.reduce<number | undefined>((max, r) => (r.maxRssKb === undefined ? max : Math.max(max ?? 0, r.maxRssKb)), undefined);
  const mb = bytes / 1e6;
  return [
    s.name,
    seconds(wall.min),
    seconds(wall.median),
    seconds(wall.max),
    (mb / (wall.median / 1000)).toFixed(0),
    cpuMedian === undefined ? '?' : seconds(cpuMedian),
    cpuMedian === undefined || cpuMedian === 0 ? '?' : (mb / (cpuMedian / 1000)).toFixed(0),
    peak === undefined ? '?' : `${(peak / 1024).toFixed(0)} MiB`,
  ];
}

/**
 * The timing table (wall time spread, MB/s of wall time, CPU time and MB per CPU second, that is
 * MB/s per core busy, peak RSS) and each scan's ratio to `floorName`, ratio of wall medians.
 */
export function formatRealTimings(samples: readonly RealSamples[], bytes: number, floorName: string): string[] {
  const header = ['command', 'min', 'median', 'max', 'MB/s', 'CPU (median)', 'MB/s per core', 'peak RSS'];
  const floor = samples.find((s) => s.name === floorName);
  const lines = formatColumns([header, ...samples.map((s) => row(s, bytes))], 'lr');
  if (floor === undefined) return lines;
  const floorMedian = spreadOf(floor.runs.map((r) => r.wallMs)).median;
  const cpuMedian = (s: RealSamples): number | undefined => {
    const cpu = s.runs.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs]));
    return cpu.length === 0 ? undefined : spreadOf(cpu).median;
  };
  const floorCpu = cpuMedian(floor);
  const ratios = samples
    .filter((s) => s.name.startsWith('scan'))
    .map((s) => {
      const cpu = cpuMedian(s);
      const cpuRatio = cpu === undefined || floorCpu === undefined || floorCpu === 0 ? '' : ` (CPU ${(cpu / floorCpu).toFixed(2)}x)`;
      return `  ${s.name}: ${(spreadOf(s.runs.map((r) => r.wallMs)).median / floorMedian).toFixed(2)}x${cpuRatio}`;
    });
  return [...lines, '', `scan / ${floorName}, ratio of wall medians (of CPU medians):`, ...ratios];
}

/** Findings per rule from a JSON report, as `rule xN` entries sorted by rule. */
export function findingCounts(jsonReport: string): Map<string, number> {
  const report = JSON.parse(jsonReport) as { findings?: { ruleId?: string }[] };
  const counts = new Map<string, number>();
  for (const f of report.findings ?? []) counts.set(f.ruleId ?? '?', (counts.get(f.ruleId ?? '?') ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

/** One line per scan: the findings' total and count per rule, and a warning when the scans differ. */
export function formatFindingCounts(byNode: ReadonlyMap<string, Map<string, number>>): string[] {
  const entries = [...byNode];
  const lines = entries.map(([node, counts]) => `${node}: ${[...counts.values()].reduce((a, b) => a + b, 0)}: ${[...counts].map(([rule, n]) => `${rule} x${n}`).join(', ') || 'none'}`);
  const first = JSON.stringify([...(entries[0]?.[1] ?? [])]);
  if (entries.some(([, counts]) => JSON.stringify([...counts]) !== first)) lines.push('WARNING: the scans found different findings');
  return lines;
}
