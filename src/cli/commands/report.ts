import { tmpdir } from 'node:os';
import { basename, relative, resolve } from 'node:path';
import { parseSize } from '../../config/index.js';
import { UsageError } from '../../errors.js';
import { DEFAULT_MAX_REPORT_BYTES, mergedHtml, mergedJson, mergedMarkdown, mergedSarif, mergeReports, rankFindings, type MergedReports } from '../../merge/index.js';
import { packageInfo } from '../../package-info.js';
import { loadBuiltinRules } from '../../rules/index.js';
import { type FileData, writeFileSafely } from '../../safe-fs/index.js';
import { printable } from '../../terminal-text/index.js';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { EXIT } from '../exit-codes.js';
import type { Io, OutputStream } from '../io.js';

/** The formats `report merge` writes. */
export const MERGE_FORMATS = ['json', 'markdown', 'sarif', 'html'] as const;

/** Secrets a report for people lists (Markdown shows fewer); the JSON and SARIF reports list every one. */
const LISTED_SECRETS = 1000;

/** `secretscan report merge`. */
export const REPORT_MERGE_COMMAND: CommandSpec = {
  usage: 'secretscan report merge FILE... [--format json|markdown|sarif|html] [--output FILE]',
  summary: 'Merge the JSON reports of many repositories into one report with one finding per secret, listing every repository that holds it.',
  positionals: { description: 'FILE: JSON reports written by `secretscan scan --format json` (one per repository and commit)', max: Number.POSITIVE_INFINITY },
  options: [
    { name: 'format', short: 'f', type: 'string', valueName: 'FORMAT', choices: MERGE_FORMATS, default: 'json', description: 'report format' },
    { name: 'output', short: 'o', type: 'string', valueName: 'FILE', description: 'write the report to FILE (atomically) instead of stdout' },
    { name: 'max-report-size', type: 'string', valueName: 'SIZE', description: 'refuse a larger input report (default: 64MiB)' },
    { name: 'debug', type: 'boolean', default: false, description: 'log counts and timings to stderr' },
  ],
  examples: [
    ['secretscan report merge reports/*.json -o merged.json', 'merge the reports of an organization'],
    ['secretscan report merge reports/*.json --format markdown >> "$GITHUB_STEP_SUMMARY"', 'a job summary'],
  ],
};

function maxReportBytesOf(value: string | boolean | undefined): number {
  if (typeof value !== 'string') return DEFAULT_MAX_REPORT_BYTES;
  const size = parseSize(value);
  if (size === undefined) throw new UsageError(`--max-report-size ${value} is not a size`, 'use bytes or a unit: 64MiB, 200MB');
  return size;
}

async function renderMerged(format: string, merged: MergedReports): Promise<FileData> {
  const info = packageInfo();
  const tool = { name: info.name, version: info.version, informationUri: info.homepage };
  if (format === 'json') return mergedJson(merged, tool);
  const { rules } = await loadBuiltinRules();
  if (format === 'sarif') return mergedSarif(merged, tool, rules);
  const ranked = await rankFindings(merged, LISTED_SECRETS);
  return format === 'html' ? mergedHtml(merged, ranked, rules, tool) : mergedMarkdown(merged, ranked, rules, tool);
}

/** Writes text or streamed pieces to a stream, waiting for `drain` when it has one and is full. */
async function writeTo(stream: OutputStream, data: FileData): Promise<void> {
  if (typeof data === 'string' || data instanceof Uint8Array) {
    stream.write(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
    return;
  }
  const drainable = stream as OutputStream & { once?: (event: 'drain', listener: () => void) => unknown };
  for await (const piece of data) {
    if (stream.write(piece) === false && typeof drainable.once === 'function') await new Promise<void>((done) => drainable.once?.('drain', done));
  }
}

/** Runs `report merge` and returns the exit code: 1 when the merged report has secrets, 2 when an input scan was partial. */
export async function runReportMerge(args: ParsedArgs, io: Io, log: (line: string) => void): Promise<number> {
  const paths = args.positionals;
  if (paths.length === 0) throw new UsageError('name the JSON reports to merge', 'secretscan report merge reports/*.json');
  const format = String(args.values.format ?? 'json');
  const files = paths.map((path) => ({ path: resolve(io.cwd, path), label: printable(path) }));
  const merged = await mergeReports(files, { tempDir: tmpdir(), maxReportBytes: maxReportBytesOf(args.values['max-report-size']) });
  try {
    log(`merge: ${merged.repositories.length} reports, ${merged.rules.size} rules fired`);
    const report = await renderMerged(format, merged);
    const output = args.values.output;
    if (typeof output === 'string') {
      const target = resolve(io.cwd, output);
      await writeFileSafely(target, report, { mayBeDevice: true });
      io.stderr.write(`secretscan: ${merged.repositories.length} reports merged; ${format} report written to ${printable(relative(io.cwd, target) || basename(target))}\n`);
    } else {
      await writeTo(io.stdout, report);
    }
    const hasFindings = merged.repositories.some((repository) => repository.findings > 0);
    const partial = merged.repositories.filter((repository) => repository.isPartial);
    if (partial.length > 0) io.stderr.write(`secretscan: ${partial.length} of the reports come from partial scans: the merged report may miss secrets\n`);
    return partial.length > 0 ? EXIT.userError : hasFindings ? EXIT.findings : EXIT.clean;
  } finally {
    await merged.close();
  }
}
