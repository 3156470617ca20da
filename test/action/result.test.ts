import { describe, expect, it } from 'vitest';
import { annotationOf } from '../../src/action/annotations.js';
import { failingFindings } from '../../src/action/fail-on.js';
import { failureOf } from '../../src/action/verdict.js';
import { UsageError } from '../../src/errors.js';
import type { Finding, ScanResult } from '../../src/findings/index.js';
import type { CompletedScan } from '../../src/pipeline/index.js';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'stripe.secret-key',
    ruleName: 'Stripe secret key',
    severity: 'high',
    path: 'src/a.js',
    startLine: 3,
    startColumn: 5,
    endLine: 3,
    endColumn: 37,
    fingerprint: 'v1:f',
    secretId: 'v1:s',
    preview: 'sk_l…(32)',
    context: 'k = "sk_l…(32)"',
    entropy: 4.1,
    ...overrides,
  };
}

/** A completed scan of these findings, as the pipeline returns it. */
function completed(findings: Finding[], overrides: Partial<ScanResult> = {}): CompletedScan {
  const result: ScanResult = { findings, suppressed: { inline: 0, allowlist: 0, paths: 0 }, skipped: [], problems: [], stats: { chunks: 1, bytes: 1, durationMs: 0 }, isPartial: false, ...overrides };
  return { result, rules: [], root: '/w', projectRoot: '/w', repo: undefined, sourceKind: 'range', suppressions: {}, unused: { baseline: [], ignore: [] }, isVerified: false };
}

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
  const scan = completed(findings);

  it('fails at or above fail-on, never with none', () => {
    expect(failingFindings(findings, 'high')).toEqual([]);
    expect(failingFindings(findings, 'medium')).toHaveLength(1);
    expect(failingFindings(findings, 'low')).toHaveLength(2);
    expect(failingFindings(findings, 'none')).toEqual([]);
    expect(failureOf({ scan }, 'high')).toBeUndefined();
    expect(failureOf({ scan }, 'medium')).toMatch(/found 2 secret\(s\); 1 at or above fail-on: medium/);
  });

  it('counts findings past --max-findings by severity against fail-on', () => {
    const capped = completed(findings, { unlisted: { limit: 2, high: 0, medium: 3, low: 4 } });
    expect(failureOf({ scan: capped }, 'high')).toBeUndefined();
    expect(failureOf({ scan: capped }, 'medium')).toMatch(/found 9 secret\(s\); 4 at or above fail-on: medium/);
    expect(failureOf({ scan: completed([], { unlisted: { limit: 1, high: 1, medium: 0, low: 0 } }) }, 'high')).toMatch(/found 1 secret\(s\); 1 at or above/);
  });

  it("fails on a partial scan, a scan error and a crash with the scanner's message, even with fail-on: none", () => {
    const partial = completed(findings, { isPartial: true, problems: [{ path: 'a', message: 'm' }] });
    expect(failureOf({ scan: partial }, 'none')).toBe('secretscan could not complete the scan (exit 2): secretscan: the scan is partial: 1 problem(s), see the report');
    expect(failureOf({ error: new UsageError('bad \x1b[31mflag', 'try again') }, 'none')).toBe('secretscan could not complete the scan (exit 2): secretscan: bad \\x1b[31mflag hint: try again');
    expect(failureOf({ error: new Error('x') }, 'none')).toMatch(/crashed \(exit 3\), which is a bug: secretscan: internal error: x/);
  });
});
