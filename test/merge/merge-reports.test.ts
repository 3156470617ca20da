import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { mergeReports, type MergedFinding } from '../../src/merge/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { report, reportFinding, writeReports } from './report-fixtures.js';

async function mergedFindings(reports: unknown[]): Promise<{ findings: MergedFinding[]; repositories: string[] }> {
  const dir = await makeTempDir();
  const paths = await writeReports(dir, reports);
  const merged = await mergeReports(
    paths.map((path) => ({ path, label: path })),
    { tempDir: tmpdir(), maxReportBytes: 1e6 },
  );
  try {
    const findings: MergedFinding[] = [];
    for await (const finding of merged.findings()) findings.push(finding);
    return { findings, repositories: merged.repositories.map((r) => r.name) };
  } finally {
    await merged.close();
  }
}

describe('mergeReports', () => {
  it('gives one finding per secret, listing every repository with its places and first commit, earliest first', async () => {
    const { findings, repositories } = await mergedFindings([
      report('github.com/acme/trading-bot', [reportFinding({ secret: 'shared', path: 'bot.py', date: '2024-05-01T00:00:00Z', places: 3 }), reportFinding({ secret: 'own', path: 'x.py' })]),
      report('github.com/acme/billing-api', [reportFinding({ secret: 'shared', path: 'api.ts', date: '2023-02-01T00:00:00Z', isPresentAtHead: false, removedDate: '2023-06-01T00:00:00Z' })]),
    ]);
    expect(repositories).toEqual(['github.com/acme/billing-api', 'github.com/acme/trading-bot']);
    expect(findings).toHaveLength(2);
    const shared = findings.find((f) => f.repositories.length === 2) as MergedFinding;
    expect(shared.occurrences).toBe(4);
    expect(shared.isPresentAtHead).toBe(true);
    expect(shared.repositories.map((r) => [r.repository, r.path, r.occurrences, r.firstCommit?.date, r.isPresentAtHead, r.removedIn?.date])).toEqual([
      ['github.com/acme/billing-api', 'api.ts', 1, '2023-02-01T00:00:00Z', false, '2023-06-01T00:00:00Z'],
      ['github.com/acme/trading-bot', 'bot.py', 3, '2024-05-01T00:00:00Z', true, undefined],
    ]);
  });

  it('keeps the worst severity, and combines two findings of one secret in one report', async () => {
    const { findings } = await mergedFindings([
      report('a/one', [reportFinding({ secret: 's', severity: 'low', path: 'b.txt', date: '2024-02-01T00:00:00Z' }), reportFinding({ secret: 's', severity: 'medium', path: 'a.txt', date: '2024-01-01T00:00:00Z' })]),
      report('a/two', [reportFinding({ secret: 's', severity: 'high' })]),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.repositories.find((r) => r.repository === 'a/one')).toMatchObject({ path: 'a.txt', occurrences: 2 });
  });

  it('re-redacts a preview that is not in the shape secretscan writes', async () => {
    const raw = ['sk', 'live', 'Zr4Tq8Wm2Xc6Vb1Nn5Kp9Lj3'].join('_');
    const { findings } = await mergedFindings([report('a/one', [reportFinding({ secret: 's', preview: raw })])]);
    expect(findings[0]?.preview).toBe('sk_l…(32)');
  });

  it('spreads secrets over spill files and still returns them all, in secret-id order', async () => {
    const reports = Array.from({ length: 5 }, (_, r) =>
      report(
        `org/repo-${r}`,
        Array.from({ length: 200 }, (_, i) => reportFinding({ secret: `secret-${(i * 7 + r) % 300}`, path: `f${i}` })),
      ),
    );
    const { findings } = await mergedFindings(reports);
    const ids = findings.map((f) => f.secretId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(findings.reduce((n, f) => n + f.repositories.length, 0)).toBe(1000);
  });
});
