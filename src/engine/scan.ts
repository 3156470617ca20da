import { performance } from 'node:perf_hooks';
import { compareFindings, type ScanResult } from '../findings/index.js';
import type { Matcher } from './matcher.js';
import type { Chunk } from './types.js';

/** Runs every chunk through the matcher and gathers one ScanResult (skipped and problems start empty). */
export async function scanChunks(chunks: AsyncIterable<Chunk>, matcher: Matcher): Promise<ScanResult> {
  const started = performance.now();
  const result: ScanResult = {
    findings: [],
    suppressed: { inline: 0, allowlist: 0, paths: 0 },
    skipped: [],
    problems: [],
    stats: { chunks: 0, bytes: 0, durationMs: 0 },
    isPartial: false,
  };
  for await (const chunk of chunks) {
    const scanned = matcher.scanChunk(chunk);
    result.stats.chunks++;
    result.stats.bytes += chunk.text.length;
    result.findings.push(...scanned.findings);
    result.suppressed.inline += scanned.suppressed.inline;
    result.suppressed.allowlist += scanned.suppressed.allowlist;
    result.suppressed.paths += scanned.suppressed.paths;
  }
  result.findings.sort(compareFindings);
  result.stats.durationMs = Math.round(performance.now() - started);
  return result;
}
