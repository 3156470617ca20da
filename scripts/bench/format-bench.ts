import { formatColumns } from '../format-columns.js';
import type { PlantedMatch } from './match-planted.js';
import type { PlantedSecret } from './plan-tree.js';
import type { NodeRun } from './run-node.js';
import { spreadOf } from './stats.js';

/** One variant of the tree (plain directory, git repository) with its samples and findings. */
export interface VariantResult {
  name: string;
  floor: NodeRun[];
  scan: NodeRun[];
  match: PlantedMatch;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
const megabytes = (kb: number | undefined): string => (kb === undefined ? '?' : `${(kb / 1024).toFixed(0)} MiB`);

function timingRow(variant: string, command: string, runs: readonly NodeRun[], bytes: number): string[] {
  const wall = spreadOf(runs.map((r) => r.wallMs));
  const peak = runs.reduce<number | undefined>((max, r) => (r.maxRssKb === undefined ? max : Math.max(max ?? 0, r.maxRssKb)), undefined);
  const throughput = bytes / 1e6 / (wall.median / 1000);
  return [variant, command, seconds(wall.min), seconds(wall.median), seconds(wall.max), throughput.toFixed(1), megabytes(peak)];
}

/** The timing table and the scan/floor ratio of medians, per variant. */
export function formatTimings(variants: ReadonlyArray<Pick<VariantResult, 'name' | 'floor' | 'scan'>>, bytes: number): string[] {
  const header = ['variant', 'command', 'min', 'median', 'max', 'MB/s (median)', 'peak RSS'];
  const rows = variants.flatMap((v) => [timingRow(v.name, 'floor', v.floor, bytes), timingRow(v.name, 'scan', v.scan, bytes)]);
  const ratios = variants.map((v) => {
    const ratio = spreadOf(v.scan.map((r) => r.wallMs)).median / spreadOf(v.floor.map((r) => r.wallMs)).median;
    return `${v.name} ${ratio.toFixed(2)}x`;
  });
  return [...formatColumns([header, ...rows], 'llr'), '', `scan / floor, ratio of medians: ${ratios.join(', ')}`];
}

function kindsOf(planted: readonly PlantedSecret[]): string[] {
  return [...new Set(planted.map((p) => p.kind))];
}

/** Planted vs found, overall and per kind, the missed plants by place, and findings outside the plants. */
export function formatFindings(variants: readonly VariantResult[], planted: readonly PlantedSecret[]): string[] {
  const lines = variants.map((v) => {
    const total = v.match.found.length;
    return `${v.name}: found ${total}/${planted.length} planted secrets; ${v.match.elsewhere.length} finding(s) elsewhere`;
  });
  const header = ['kind', 'planted', ...variants.map((v) => `found (${v.name})`), 'rules that fired'];
  const rows = kindsOf(planted).map((kind) => {
    const found = variants.map((v) => String(v.match.found.filter((f) => f.kind === kind).length));
    const rules = new Set(variants.flatMap((v) => v.match.found.filter((f) => f.kind === kind).flatMap((f) => f.ruleIds)));
    return [kind, String(planted.filter((p) => p.kind === kind).length), ...found, [...rules].join(', ') || '-'];
  });
  lines.push('', ...formatColumns([header, ...rows], `lr${'r'.repeat(variants.length)}l`));
  for (const v of variants) {
    for (const miss of v.match.missed) lines.push(`  missed (${v.name}): ${miss.kind} at ${miss.path}:${miss.line}`);
    const byRule = new Map<string, number>();
    for (const f of v.match.elsewhere) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    for (const [rule, count] of byRule) lines.push(`  elsewhere (${v.name}): ${rule} x${count}`);
  }
  return lines;
}
