import { ScanError } from '../errors.js';
import { SEVERITIES, type Finding, type ScanResult, type SuppressedCounts } from '../findings/index.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFinding(value: unknown): boolean {
  if (!isObject(value)) return false;
  const strings = ['ruleId', 'ruleName', 'path', 'fingerprint', 'secretId', 'preview', 'context'].every((key) => typeof value[key] === 'string');
  const numbers = ['startLine', 'startColumn', 'endLine', 'endColumn'].every((key) => Number.isInteger(value[key]));
  return strings && numbers && (SEVERITIES as readonly unknown[]).includes(value.severity);
}

function arrayAt(report: Json, key: string): unknown[] {
  const value = report[key];
  if (!Array.isArray(value)) throw invalid(`"${key}" is not an array`);
  return value;
}

/** Every count the report holds (future mechanisms included), over zeros for the known ones. */
function countsOf(value: unknown): SuppressedCounts {
  const counts: SuppressedCounts = { inline: 0, allowlist: 0, paths: 0 };
  if (!isObject(value)) return counts;
  for (const [key, count] of Object.entries(value)) if (typeof count === 'number') (counts as unknown as Record<string, number>)[key] = count;
  return counts;
}

function invalid(what: string): ScanError {
  return new ScanError('E_IO', `the scanner's JSON report is not what the action expects: ${what}`, { exitCode: 3 });
}

/**
 * Rebuilds a ScanResult from the JSON report (`--format json`): findings, suppressed counts,
 * skipped files, problems, notices, stats and isPartial. The JSON leaves out the duration, so
 * `stats.durationMs` is 0.
 */
export function parseScanResult(text: string): ScanResult {
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : String(error));
  }
  if (!isObject(report)) throw invalid('not an object');
  const findings = arrayAt(report, 'findings');
  if (!findings.every(isFinding)) throw invalid('a finding lacks a field');
  const stats = isObject(report.stats) ? report.stats : {};
  return {
    findings: findings as Finding[],
    suppressed: countsOf(report.suppressed),
    skipped: arrayAt(report, 'skipped') as ScanResult['skipped'],
    problems: arrayAt(report, 'problems') as ScanResult['problems'],
    notices: arrayAt(report, 'notices').filter((notice): notice is string => typeof notice === 'string'),
    stats: { chunks: Number(stats.chunks ?? 0), bytes: Number(stats.bytes ?? 0), durationMs: 0 },
    isPartial: report.isPartial === true,
  };
}
