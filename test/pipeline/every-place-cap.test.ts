import { describe, expect, it } from 'vitest';
import { MAX_SWEPT_VALUES } from '../../src/pipeline/every-place.js';
import { createRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

// Distinct password values, built from pieces so that this file holds none.
function passwords(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(`db_password_${i} = "${['Vq8', String(i).padStart(6, '0'), 'mZ2xLp'].join('-')}"`);
  return `${lines.join('\n')}\n`;
}

describe('the second pass on a finding-rich scan', () => {
  it(`is skipped past ${MAX_SWEPT_VALUES} distinct values, and the report says so`, async () => {
    const count = MAX_SWEPT_VALUES + 1;
    const repo = await createRepo({ commits: [{ files: { 'rich.ini': passwords(count), 'copy.txt': `connect ${['Vq8', '000001', 'mZ2xLp'].join('-')}\n` } }] });
    const run = await runCli(['scan', '--no-gitignore-audit', '--format', 'json', '--threads', '0'], { cwd: repo });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { occurrences?: unknown[] }[]; notices: string[] };
    expect(report.findings).toHaveLength(count);
    expect(report.findings.every((finding) => finding.occurrences === undefined)).toBe(true);
    expect(report.notices.join('\n')).toContain(`${count} distinct secrets found, more than ${MAX_SWEPT_VALUES}`);
  }, 120_000);

  it('runs at the limit: a copy where no rule matches is listed', async () => {
    const repo = await createRepo({ commits: [{ files: { 'rich.ini': passwords(50), 'copy.txt': `connect ${['Vq8', '000001', 'mZ2xLp'].join('-')}\n` } }] });
    const run = await runCli(['scan', '--no-gitignore-audit', '--format', 'json', '--threads', '0'], { cwd: repo });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { path: string; occurrences?: { path: string }[] }[]; notices: string[] };
    expect(report.findings.some((finding) => (finding.occurrences ?? []).some((o) => o.path === 'copy.txt'))).toBe(true);
    expect(report.notices.join('\n')).not.toContain('distinct secrets found');
  }, 120_000);
});
