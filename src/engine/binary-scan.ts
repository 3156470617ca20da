import type { Finding } from '../findings/index.js';
import type { Rule } from '../rules/index.js';
import { createMatcher, type ChunkScan, type Matcher } from './matcher.js';
import { lineColumnsOfBytes, printableRuns, type PrintableRun } from './printable-runs.js';
import type { ByteChunk, Chunk, MatcherOptions } from './types.js';

/** Tags of rules that stay off in binary data: they know a credential by its name or carrier, which strings out of context mislead. */
const OFF_IN_BINARY_TAGS = ['generic', 'carrier', 'weak', 'fallback'];
const NAME_BASED_PROVIDERS = new Set(['generic', 'name-value']);

/** Whether a rule runs on the printable runs of binary files: a provider's rule, which knows its token by format. */
export function isBinaryRule(rule: Rule): boolean {
  return !NAME_BASED_PROVIDERS.has(rule.provider.id) && !rule.spec.tags.some((tag) => OFF_IN_BINARY_TAGS.includes(tag));
}

/** What scanning one binary input produced (as for text), and how many characters of runs were scanned. */
export interface BinaryScan extends ChunkScan {
  characters: number;
}

/** Scans binary inputs: their printable runs, with the provider rules. */
export interface BinaryScanner {
  scanBinary: (input: ByteChunk) => BinaryScan;
}

/** A finding in the runs' text (one run per line) placed at its byte offset in the binary. */
function placedInBytes(finding: Finding, runs: readonly PrintableRun[], places: Map<number, { line: number; column: number }>): Finding {
  const { start, end } = byteSpanOf(finding, runs);
  const first = places.get(start) ?? { line: 1, column: start + 1 };
  const last = places.get(end) ?? first;
  return { ...finding, startLine: first.line, startColumn: first.column, endLine: last.line, endColumn: last.column, byteOffset: start, byteLength: end - start };
}

function byteSpanOf(finding: Finding, runs: readonly PrintableRun[]): { start: number; end: number } {
  const startRun = runs[finding.startLine - 1] as PrintableRun;
  const endRun = runs[finding.endLine - 1] as PrintableRun;
  return { start: startRun.offset + (finding.startColumn - 1) * startRun.unit, end: endRun.offset + (finding.endColumn - 1) * endRun.unit };
}

/**
 * The scanner for binary inputs: their printable runs (see printableRuns), one per line, matched
 * with the rules that isBinaryRule keeps, each finding placed at its byte offset. The matcher is
 * built when the first binary input arrives: a scan without one never pays for it.
 */
export function createBinaryScanner(rules: readonly Rule[], options: MatcherOptions): BinaryScanner {
  let matcher: Matcher | undefined;
  return {
    scanBinary(input) {
      const runs = printableRuns(input.bytes);
      if (runs.length === 0) return { findings: [], suppressed: { inline: 0, allowlist: 0, paths: 0 }, characters: 0 };
      matcher ??= createMatcher(rules.filter(isBinaryRule), { ...options, prebuiltAutomaton: undefined });
      const { bytes: _bytes, ...rest } = input;
      const chunk: Chunk = { ...rest, text: runs.map((run) => run.text).join('\n'), startLine: 1 };
      const scan = matcher.scanChunk(chunk);
      if (scan.findings.length === 0) return { ...scan, characters: chunk.text.length };
      const spans = scan.findings.map((finding) => byteSpanOf(finding, runs));
      const places = lineColumnsOfBytes(
        input.bytes,
        spans.flatMap((span) => [span.start, span.end]),
      );
      return { ...scan, findings: scan.findings.map((finding) => placedInBytes(finding, runs, places)), characters: chunk.text.length };
    },
  };
}
