import { describe, expect, it } from 'vitest';
import { baselineOf, formatBaseline, parseBaseline } from '../../src/suppress/index.js';
import { RAW_SECRETS, sampleFindings } from '../helpers/sample-result.js';

describe('baselineOf and formatBaseline', () => {
  it('keeps one entry per fingerprint, sorted by fingerprint, with only fingerprint, rule and path', () => {
    const findings = sampleFindings();
    const baseline = baselineOf([...findings, ...findings].reverse());
    const fingerprints = [...new Set(findings.map((f) => f.fingerprint))].sort();
    expect(baseline.version).toBe(1);
    expect(baseline.entries.map((e) => e.fingerprint)).toEqual(fingerprints);
    for (const entry of baseline.entries) expect(Object.keys(entry)).toEqual(['fingerprint', 'ruleId', 'path']);
  });

  it('does not depend on the order or the lines of the findings', () => {
    const findings = sampleFindings();
    const moved = findings.map((f) => ({ ...f, startLine: f.startLine + 10, endLine: f.endLine + 10 }));
    expect(formatBaseline(baselineOf(moved.reverse()))).toBe(formatBaseline(baselineOf(findings)));
  });

  it('writes 2-space JSON with a final newline and nothing secret-derived but fingerprints', () => {
    const text = formatBaseline(baselineOf(sampleFindings(true)));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "entries": [\n    {\n      "fingerprint": "v1:');
    for (const secret of RAW_SECRETS) expect(text).not.toContain(secret);
    for (const finding of sampleFindings()) {
      expect(text).not.toContain(finding.preview);
      expect(text).not.toContain(finding.secretId);
    }
    expect(text).not.toMatch(/line|date|time|preview|context/i);
  });

  it('formats an empty baseline and reads back what it writes', () => {
    expect(formatBaseline(baselineOf([]))).toBe('{\n  "version": 1,\n  "entries": []\n}\n');
    const baseline = baselineOf(sampleFindings());
    expect(parseBaseline(formatBaseline(baseline), 'b.json')).toEqual(baseline);
  });
});
