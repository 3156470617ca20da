import { describe, expect, it } from 'vitest';
import { annotationOf } from '../../src/action/annotations.js';
import { failingFindings } from '../../src/action/fail-on.js';
import { scanArgv } from '../../src/action/run-scan.js';
import { parseScanResult } from '../../src/action/scan-result.js';
import { failureOf } from '../../src/action/verdict.js';
import type { Finding } from '../../src/findings/index.js';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'stripe.secret-key', ruleName: 'Stripe secret key', severity: 'high', path: 'src/a.js',
    startLine: 3, startColumn: 5, endLine: 3, endColumn: 37, fingerprint: 'v1:f', secretId: 'v1:s',
    preview: 'sk_l…(32)', context: 'k = "sk_l…(32)"', entropy: 4.1, ...overrides,
  };
}

const REPORT = { tool: { name: 'secretscan', version: '0' }, findings: [finding()], suppressed: { inline: 1, allowlist: 2, paths: 0, baseline: 4 }, skipped: [{ path: 'x.bin', reason: 'binary' }], problems: [], notices: ['n'], stats: { chunks: 3, bytes: 40 }, isPartial: false };

describe('parseScanResult', () => {
  it('rebuilds the result from the JSON report, keeping every suppression count', () => {
    const { findings, suppressed, skipped, problems, notices, isPartial } = REPORT;
    expect(parseScanResult(JSON.stringify(REPORT))).toStrictEqual({ findings, suppressed, skipped, problems, notices, stats: { chunks: 3, bytes: 40, durationMs: 0 }, isPartial });
  });

  it('refuses a report of another shape', () => {
    expect(() => parseScanResult('{')).toThrow(/JSON report/);
    expect(() => parseScanResult(JSON.stringify({ ...REPORT, findings: [{ ruleId: 'x' }] }))).toThrow(/a finding lacks a field/);
    expect(() => parseScanResult(JSON.stringify({ ...REPORT, skipped: null }))).toThrow(/"skipped" is not an array/);
  });
});

describe('annotationOf', () => {
  it('maps severity to level and points at the secret, columns only on one line', () => {
    expect(annotationOf(finding())).toEqual({
      level: 'error',
      message: 'Stripe secret key (stripe.secret-key, high): sk_l…(32). Rotate it first; the job summary says how.',
      place: { title: 'secretscan: Stripe secret key', file: 'src/a.js', startLine: 3, endLine: 3, startColumn: 5, endColumn: 37 },
    });
    expect(annotationOf(finding({ severity: 'medium', endLine: 9 }))).toMatchObject({ level: 'warning', place: { startLine: 3, endLine: 9 } });
    expect(annotationOf(finding({ severity: 'low', endLine: 9 })).place).not.toHaveProperty('startColumn');
    expect(annotationOf(finding({ severity: 'low' })).level).toBe('notice');
  });

  it('names the commit, and puts a commit-message finding on the run rather than a file', () => {
    const commit = { sha: 'c'.repeat(40), author: 'A <a@example.test>', date: '2024-01-02T03:04:05Z' };
    expect(annotationOf(finding({ commit })).message).toContain('added in commit cccccccccccc');
    const message = annotationOf(finding({ commit, path: 'COMMIT_EDITMSG' }));
    expect(message.place).toEqual({ title: 'secretscan: Stripe secret key' });
    expect(message.message).toContain('in the message of commit cccccccccccc');
  });
});

describe('failingFindings and failureOf', () => {
  const findings = [finding({ severity: 'medium' }), finding({ severity: 'low' })];
  const result = parseScanResult(JSON.stringify({ ...REPORT, findings }));

  it('fails at or above fail-on, never with none', () => {
    expect(failingFindings(findings, 'high')).toEqual([]);
    expect(failingFindings(findings, 'medium')).toHaveLength(1);
    expect(failingFindings(findings, 'low')).toHaveLength(2);
    expect(failingFindings(findings, 'none')).toEqual([]);
    expect(failureOf({ exitCode: 1, stderr: '', result }, 'high')).toBeUndefined();
    expect(failureOf({ exitCode: 1, stderr: '', result }, 'medium')).toMatch(/found 2 secret\(s\); 1 at or above fail-on: medium/);
  });

  it('fails on exit 2 and 3 with the scanner\'s message, even with fail-on: none', () => {
    expect(failureOf({ exitCode: 2, stderr: 'secretscan: the scan is partial\n', result }, 'none')).toBe('secretscan could not complete the scan (exit 2): secretscan: the scan is partial');
    expect(failureOf({ exitCode: 3, stderr: 'secretscan: internal error: x\n' }, 'none')).toMatch(/crashed \(exit 3\), which is a bug: secretscan: internal error: x/);
  });
});

describe('scanArgv', () => {
  it('asks for JSON in a file, no worker threads, and puts the source last', () => {
    expect(scanArgv({ cwd: '/w', env: {}, sourceArgs: ['--', '-odd-name'], config: 'c.yaml', baseline: 'b.json' }, '/t/r.json')).toEqual([
      'scan', '--format', 'json', '--output', '/t/r.json', '--threads', '0', '--config', 'c.yaml', '--baseline', 'b.json', '--', '-odd-name',
    ]);
  });
});
