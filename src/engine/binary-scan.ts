import type { Finding } from '../findings/index.js';
import type { Rule } from '../rules/index.js';
import { buildKeywordAutomaton, type KeywordAutomaton } from './keyword-automaton.js';
import { createMatcher, type ChunkScan, type Matcher } from './matcher.js';
import { isProviderRule } from './overlaps.js';
import { lineColumnsOfBytes, printableRuns, type PrintableRun } from './printable-runs.js';
import type { ByteChunk, Chunk, MatcherOptions } from './types.js';

/**
 * Whether a rule runs on the printable runs of binary files: a provider's rule, which knows its
 * token by format (the same rules as for file names); rules that know a credential by its name or
 * carrier are misled by strings out of their context.
 */
export function isBinaryRule(rule: Rule): boolean {
  return isProviderRule(rule);
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

/** How far a run split at a token's prefix reaches: longer than any token (a GitHub installation token is about 520 characters). */
const SPLIT_REACH = 1024;

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * Binary formats put fields side by side: a SQLite row `name` + `token` reads `stripesk_live_…`,
 * where a rule that wants its prefix at a word boundary finds nothing. So every place a binary
 * rule's keyword starts right after a word character also starts a run of its own (the whole run
 * is still scanned too).
 */
function withSplitRuns(runs: readonly PrintableRun[], prefixes: KeywordAutomaton | undefined, lengths: readonly number[]): PrintableRun[] {
  if (prefixes === undefined) return [...runs];
  const all: PrintableRun[] = [];
  for (const run of runs) {
    all.push(run);
    const starts = new Set<number>();
    prefixes.scan(run.text, (keyword, end) => {
      const start = end - (lengths[keyword] as number);
      if (start > 0 && isWordCode(run.text.charCodeAt(start - 1))) starts.add(start);
    });
    for (const start of starts) all.push({ offset: run.offset + start * run.unit, text: run.text.slice(start, start + SPLIT_REACH), unit: run.unit });
  }
  return all;
}

/** A finding once per rule and byte offset: a split run finds again what its whole run found. */
function oncePerPlace(findings: readonly Finding[], secrets: readonly string[] | undefined): { findings: Finding[]; secrets: string[] } {
  const seen = new Set<string>();
  const kept: Finding[] = [];
  const keptSecrets: string[] = [];
  findings.forEach((finding, index) => {
    const key = `${finding.ruleId}\0${finding.byteOffset ?? -1}`;
    if (seen.has(key)) return;
    seen.add(key);
    kept.push(finding);
    keptSecrets.push(secrets?.[index] ?? '');
  });
  return { findings: kept, secrets: keptSecrets };
}

/** The matcher over the binary rules, and an automaton over their keywords (where runs are split). */
function binaryMatching(rules: readonly Rule[], options: MatcherOptions): { matcher: Matcher; prefixes: KeywordAutomaton | undefined; lengths: number[] } {
  const kept = rules.filter(isBinaryRule);
  const keywords = [...new Set(kept.flatMap((rule) => rule.keywords))];
  return {
    matcher: createMatcher(kept, { ...options, prebuiltAutomaton: undefined }),
    prefixes: keywords.length === 0 ? undefined : buildKeywordAutomaton(keywords),
    lengths: keywords.map((keyword) => keyword.length),
  };
}

/**
 * The scanner for binary inputs: their printable runs (see printableRuns), one per line, matched
 * with the rules that isBinaryRule keeps, each finding placed at its byte offset. The matcher is
 * built when the first binary input arrives: a scan without one never pays for it.
 */
export function createBinaryScanner(rules: readonly Rule[], options: MatcherOptions): BinaryScanner {
  let matching: ReturnType<typeof binaryMatching> | undefined;
  return {
    scanBinary(input) {
      const found = printableRuns(input.bytes);
      if (found.length === 0) return { findings: [], suppressed: { inline: 0, allowlist: 0, paths: 0 }, characters: 0 };
      matching ??= binaryMatching(rules, options);
      const runs = withSplitRuns(found, matching.prefixes, matching.lengths);
      const { bytes: _bytes, ...rest } = input;
      const chunk: Chunk = { ...rest, text: runs.map((run) => run.text).join('\n'), startLine: 1 };
      const scan = matching.matcher.scanChunk(chunk);
      if (scan.findings.length === 0) return { ...scan, characters: chunk.text.length };
      const spans = scan.findings.map((finding) => byteSpanOf(finding, runs));
      const places = lineColumnsOfBytes(
        input.bytes,
        spans.flatMap((span) => [span.start, span.end]),
      );
      const once = oncePerPlace(
        scan.findings.map((finding) => placedInBytes(finding, runs, places)),
        scan.secrets,
      );
      return { ...scan, ...once, characters: chunk.text.length };
    },
  };
}
