import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createMatcher, type Chunk, type Matcher } from '../../../src/engine/index.js';
import { loadBuiltinRules } from '../../../src/rules/index.js';
import { interleave } from '../interleave.js';
import { generateTree } from '../plan-tree.js';
import { formatScale, type ScaleVariant } from '../scale/format-scale.js';
import { parseScaleOptions, SCALE_USAGE, type ScaleBenchOptions } from '../scale/scale-options.js';
import { SEED_RULE_IDS, selectSeedRules } from '../scale/seed-rules.js';
import type { BenchContext } from '../target.js';

// How matching cost grows with the rule set: the same generated files (the tree target's
// generator: realistic, keyword-dense code, config and prose with planted fake secrets) matched
// in this process with every built-in rule and with the ten seed rules, by the matcher a scan
// uses, in interleaved rounds. No I/O and no process start-up: only the matcher is timed.

/** Every chunk of the generated tree, held in memory. */
function buildCorpus(options: ScaleBenchOptions): { chunks: Chunk[]; bytes: number } {
  const chunks: Chunk[] = [];
  let bytes = 0;
  for (const file of generateTree({ seed: options.seed, fileCount: options.files, totalBytes: options.sizeMb * 1e6, plantedCount: 20 })) {
    chunks.push({ origin: 'tree', path: file.path, text: file.text, startLine: 1 });
    bytes += file.text.length;
  }
  return { chunks, bytes };
}

/** Scans every chunk; returns the wall time in ms and the number of findings. */
function scanAll(matcher: Matcher, chunks: readonly Chunk[]): { ms: number; findings: number } {
  const started = performance.now();
  let findings = 0;
  for (const chunk of chunks) findings += matcher.scanChunk(chunk).findings.length;
  return { ms: performance.now() - started, findings };
}

/** The `rules-scale` target: prints throughput with all rules and with the seed rules, and their ratio. Always exits 0 once measured. */
export async function runBench(ctx: BenchContext): Promise<number> {
  const options = parseScaleOptions(ctx.args);
  if ('error' in options) {
    process.stderr.write(`bench rules-scale: ${options.error}\n${SCALE_USAGE}\n`);
    return 2;
  }
  const { rules } = await loadBuiltinRules();
  const seed = selectSeedRules(rules);
  if ('error' in seed) {
    process.stderr.write(`bench rules-scale: ${seed.error}\n`);
    return 2;
  }
  const cpu = cpus();
  ctx.print(`secretscan bench rules-scale: node ${process.version}, ${process.platform}-${process.arch}, ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}`);
  const { chunks, bytes } = buildCorpus(options);
  ctx.print(`corpus: ${chunks.length} generated files, ${(bytes / 1e6).toFixed(1)} MB in memory (seed ${options.seed}, the tree target's generator)`);
  ctx.print(`seed rules: ${SEED_RULE_IDS.join(', ')}`);
  const matchers = { all: createMatcher(rules), seed: createMatcher(seed) };
  // Untimed warm-up: compiles every regex and lets the JIT settle.
  const findings = { all: scanAll(matchers.all, chunks).findings, seed: scanAll(matchers.seed, chunks).findings };
  const samples = interleave(
    (['all', 'seed'] as const).map((name) => ({ name, run: () => scanAll(matchers[name], chunks).ms })),
    options.rounds,
  );
  const variantOf = (name: 'all' | 'seed', ruleCount: number): ScaleVariant => ({ name, ruleCount, samples: samples.get(name) ?? [], findings: findings[name] });
  ctx.print(`timing: ${options.rounds} interleaved rounds (ABBA order) after one warm-up scan each; in-process createMatcher().scanChunk over every file`);
  ctx.print('');
  formatScale(variantOf('all', rules.length), variantOf('seed', seed.length), bytes).forEach((line) => ctx.print(line));
  return 0;
}
