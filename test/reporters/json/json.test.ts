import { describe, expect, it } from 'vitest';
import { toJson } from '../../../src/reporters/index.js';
import { cleanResult, historyResult, sampleContext, sampleResult } from '../../helpers/sample-result.js';

interface JsonReport {
  tool: { name: string; version: string };
  findings: Array<Record<string, unknown>>;
  notices: string[];
  stats: Record<string, unknown>;
  isPartial: boolean;
}

const parse = (text: string): JsonReport => JSON.parse(text) as JsonReport;

describe('toJson', () => {
  it('has the documented top-level shape, 2-space indented, with a trailing newline', () => {
    const text = toJson(sampleResult(), sampleContext());
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['schemaVersion', 'tool', 'findings', 'suppressed', 'skipped', 'problems', 'notices', 'stats', 'isPartial']);
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "tool": {\n    "name": "secretscan"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parse(text).tool).toEqual({ name: 'secretscan', version: '1.2.3' });
  });

  it('names the repository and commit after the tool when the context knows them', () => {
    const text = toJson(sampleResult(), { ...sampleContext(), repository: { name: 'github.com/acme/api', commit: 'a'.repeat(40) } });
    const report = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(report).slice(0, 3)).toEqual(['schemaVersion', 'tool', 'repository']);
    expect(report.repository).toEqual({ name: 'github.com/acme/api', commit: 'a'.repeat(40) });
    expect((JSON.parse(toJson(sampleResult(), { ...sampleContext(), repository: { name: 'acme/api' } })) as Record<string, unknown>).repository).toEqual({ name: 'acme/api' });
  });

  it('sorts findings by path, line, column and rule id', () => {
    const keys = parse(toJson(sampleResult(), sampleContext())).findings.map((f) => `${String(f.path)}:${String(f.startLine)}:${String(f.startColumn)}`);
    expect(keys).toEqual(['deploy/prod env/.env:3:19', 'docs/café/naïve notes.md:7:22', 'src/app.ts:3:29', 'src/config.ts:12:24', 'src/config.ts:12:81', 'src/config.ts:30:15']);
  });

  it('keeps every Finding field, including ruleName and severity, in a fixed key order', () => {
    const [first] = parse(toJson(sampleResult(), sampleContext())).findings;
    expect(Object.keys(first ?? {})).toEqual(['ruleId', 'ruleName', 'severity', 'path', 'startLine', 'startColumn', 'endLine', 'endColumn', 'commit', 'fingerprint', 'secretId', 'preview', 'context', 'entropy']);
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

  it('always has a notices array, in the order the scan reported them', () => {
    expect(parse(toJson(sampleResult(), sampleContext())).notices).toEqual([]);
    expect(parse(toJson({ ...cleanResult(), notices: ['b', 'a'] }, sampleContext())).notices).toEqual(['b', 'a']);
    expect(parse(toJson(historyResult(), sampleContext())).notices).toEqual(['This is a shallow clone: history covers 12 commits back to 2024-01-02.']);
  });

  it('passes occurrences (sorted by commit date, then path) and isPresentAtHead through, after commit', () => {
    const findings = parse(toJson(historyResult(), sampleContext())).findings;
    expect(Object.keys(findings[0] ?? {}).slice(8, 11)).toEqual(['commit', 'occurrences', 'isPresentAtHead']);
    expect(findings.map((f) => f.isPresentAtHead)).toEqual([false, true]);
    const stripe = findings[1]?.occurrences as Array<{ path: string; commit: { sha: string } }>;
    expect(stripe.map((o) => `${o.path} ${o.commit.sha.slice(0, 7)}`)).toEqual(['src/config.ts a1b2c3d', 'config/legacy.ts 0badc0d', 'docs/café/setup guide.md 0badc0d']);
    expect(Object.keys(stripe[0] ?? {})).toEqual(['path', 'startLine', 'startColumn', 'commit']);
  });

  it('has neither field on findings from other scans', () => {
    for (const finding of parse(toJson(sampleResult(), sampleContext())).findings) {
      expect(finding).not.toHaveProperty('occurrences');
      expect(finding).not.toHaveProperty('isPresentAtHead');
    }
  });
});
