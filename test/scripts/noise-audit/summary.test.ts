import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNoiseAuditArgs } from '../../../scripts/noise-audit/args.js';
import { fetchCorpus, FetchError } from '../../../scripts/noise-audit/fetch-corpus.js';
import { summarizeAudit } from '../../../scripts/noise-audit/summary.js';
import { readTriage, recordNew, triageKeyOf, writeTriage, type AuditFinding, type TriageEntry } from '../../../scripts/noise-audit/triage.js';

const finding = (path: string, secretId: string, ruleId = 'generic.weak-secret'): AuditFinding => ({
  ruleId,
  severity: 'medium',
  path,
  startLine: 1,
  secretId,
  preview: 'ab…(8)',
  context: 'x = ab…(8)',
});
const entry = (verdict: TriageEntry['verdict']): TriageEntry => ({ verdict, rule: 'generic.weak-secret', line: 1, preview: 'ab…(8)' });

describe('summarizeAudit', () => {
  it('counts findings by rule and verdict, the noise share, lost credentials and silenced noise', () => {
    const triage = new Map<string, TriageEntry>([
      ['a.js#s1', entry('not-credential')],
      ['b.js#s2', entry('credential')],
      ['c.js#s3', entry('example-or-test')],
      ['d.js#s4', entry('not-credential')],
    ]);
    const findings = [finding('a.js', 's1'), finding('a.js', 's1'), finding('b.js', 's2', 'aws.access-key-id'), finding('e.js', 's5')];
    const summary = summarizeAudit(findings, triage);
    expect(summary.totals).toEqual({ total: 4, credential: 1, 'example-or-test': 0, 'not-credential': 2, untriaged: 1 });
    expect(summary.byRule['aws.access-key-id']?.credential).toBe(1);
    expect(summary.notCredentialPercent).toBe(50);
    expect(summary.lost.map((l) => l.key)).toEqual(['c.js#s3']);
    expect(summary.silenced).toBe(1);
    expect(summary.toReview.map((r) => r.verdict)).toEqual(['not-credential', 'not-credential', 'untriaged']);
  });
});

describe('triage file', () => {
  it('records new findings as untriaged, keeps verdicts, and round-trips sorted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-'));
    try {
      const file = join(dir, 'triage.json');
      const triage = readTriage(file);
      expect(triage.size).toBe(0);
      triage.set('z.js#s9', entry('credential'));
      expect(recordNew(triage, [finding('z.js', 's9'), finding('a.js', 's1')])).toBe(1);
      writeTriage(file, triage);
      const again = readTriage(file);
      expect([...again.keys()]).toEqual(['a.js#s1', 'z.js#s9']);
      expect(again.get(triageKeyOf(finding('a.js', 's1')))?.verdict).toBe('untriaged');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('noise audit guards', () => {
  it('refuses the held-out packages and Python 3.12', () => {
    for (const corpus of [
      { npm: ['aws-sdk@2.1.0'], python: [] },
      { npm: ['typescript@5.0.0'], python: [] },
      { npm: [], python: ['3.12'] },
    ]) {
      expect(() => fetchCorpus(corpus, join(tmpdir(), 'never-created'), () => undefined)).toThrow(FetchError);
    }
  });

  it('parses its options', () => {
    expect(parseNoiseAuditArgs(['--cache', '/c', '--record-new', '--list', '5'], {})).toEqual({ cacheDir: '/c', shouldRecordNew: true, isJson: false, listLimit: 5 });
    expect(parseNoiseAuditArgs([], { SECRETSCAN_NOISE_CACHE: '/x' })).toMatchObject({ cacheDir: '/x' });
    expect(parseNoiseAuditArgs(['--list', 'x'], {})).toHaveProperty('error');
    expect(parseNoiseAuditArgs(['--bogus'], {})).toHaveProperty('error');
  });
});
