import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/reporters/index.js';
import { cleanResult, sampleContext, sampleResult } from '../helpers/sample-result.js';

interface JsonReport {
  tool: { name: string; version: string };
  findings: Array<Record<string, unknown>>;
  stats: Record<string, unknown>;
  isPartial: boolean;
}

const parse = (text: string): JsonReport => JSON.parse(text) as JsonReport;

describe('toJson', () => {
  it('has the documented top-level shape, 2-space indented, with a trailing newline', () => {
    const text = toJson(sampleResult(), sampleContext());
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['tool', 'findings', 'suppressed', 'skipped', 'problems', 'stats', 'isPartial']);
    expect(text.startsWith('{\n  "tool": {\n    "name": "secretscan"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parse(text).tool).toEqual({ name: 'secretscan', version: '1.2.3' });
  });

  it('sorts findings by path, line, column and rule id', () => {
    const keys = parse(toJson(sampleResult(), sampleContext())).findings.map((f) => `${String(f.path)}:${String(f.startLine)}:${String(f.startColumn)}`);
    expect(keys).toEqual([
      'deploy/prod env/.env:3:19',
      'docs/café/naïve notes.md:7:22',
      'src/app.ts:3:29',
      'src/config.ts:12:24',
      'src/config.ts:12:81',
      'src/config.ts:30:15',
    ]);
  });

  it('keeps every Finding field, including ruleName and severity, in a fixed key order', () => {
    const [first] = parse(toJson(sampleResult(), sampleContext())).findings;
    expect(Object.keys(first ?? {})).toEqual([
      'ruleId', 'ruleName', 'severity', 'path', 'startLine', 'startColumn', 'endLine', 'endColumn',
      'commit', 'fingerprint', 'secretId', 'preview', 'context', 'entropy',
    ]);
  });

  it('leaves out the duration so that the same scan gives the same bytes', () => {
    expect(parse(toJson(sampleResult(), sampleContext())).stats).toEqual({ chunks: 42, bytes: 123456 });
  });

  it('includes `secret` only when the finding carries it (--show-secrets)', () => {
    expect(parse(toJson(sampleResult(), sampleContext())).findings.every((f) => !('secret' in f))).toBe(true);
    const shown = parse(toJson(sampleResult(true), sampleContext())).findings;
    expect(shown.every((f) => typeof f.secret === 'string' && f.secret.length > 8)).toBe(true);
  });

  it('reports a clean scan with an empty findings array', () => {
    const report = parse(toJson(cleanResult(), sampleContext()));
    expect(report.findings).toEqual([]);
    expect(report.isPartial).toBe(false);
  });
});
