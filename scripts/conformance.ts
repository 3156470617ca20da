import { readFile } from 'node:fs/promises';
import { createMatcher } from '../src/engine/index.js';
import { loadBuiltinRules, type LoadedRules } from '../src/rules/index.js';
import { CONFORMANCE_USAGE, parseConformanceArgs } from './conformance/args.js';
import { CaseFileError, parseCases, type ConformanceCase } from './conformance/cases.js';
import { formatText } from './conformance/format-text.js';
import { scoreCase } from './conformance/score.js';
import { summarize } from './conformance/summary.js';

// Scores the built-in rules on a labelled corpus: recall on secret cases, false-positive rate on
// clean ones. It is a measurement, not a gate: it exits 0 whatever the scores, 2 on a bad input.

async function readCases(file: string): Promise<ConformanceCase[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CaseFileError(`cannot read the file (${code})`);
  }
  return parseCases(content);
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseConformanceArgs(argv);
  if ('error' in args) {
    process.stderr.write(`conformance: ${args.error}\n${CONFORMANCE_USAGE}\n`);
    return 2;
  }
  let cases: ConformanceCase[];
  try {
    cases = await readCases(args.file);
  } catch (error) {
    if (!(error instanceof CaseFileError)) throw error;
    const where = error.line === undefined ? args.file : `${args.file}:${error.line}`;
    const hint = error.line === undefined ? '' : '\n(format: one JSON object per line with id, source, provider, text, expect, secret)';
    process.stderr.write(`conformance: ${where}: ${error.message}${hint}\n`);
    return 2;
  }
  let loaded: LoadedRules;
  try {
    loaded = await loadBuiltinRules();
  } catch (error) {
    process.stderr.write(`conformance: cannot load the built-in rules: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const { rules, problems } = loaded;
  if (problems.length > 0) process.stderr.write(`conformance: warning: ${problems.length} rule problem(s); scoring the ${rules.length} rules that compiled\n`);
  const matcher = createMatcher(rules);
  const scan = (text: string) => matcher.scanChunk({ origin: 'stdin', path: 'case.txt', text, startLine: 1 }).findings;
  const summary = summarize(
    cases.map((c) => scoreCase(c, scan)),
    rules.length,
  );
  process.stdout.write(args.isJson ? `${JSON.stringify({ file: args.file, ...summary }, null, 2)}\n` : formatText(summary, args.file, args.listLimit));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
