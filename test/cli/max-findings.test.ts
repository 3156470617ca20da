import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

async function treeWithThreeSecrets(): Promise<string> {
  const dir = await makeTempDir();
  await writeFile(join(dir, 'a.js'), `a = "${FAKE.stripe}";\nb = "${FAKE.stripeOther}";\nc = "${FAKE.stripeThird}";\n`);
  return dir;
}

describe('scan --max-findings', () => {
  it('lists that many findings, says how many more were counted in every format, and still exits 1', async () => {
    const dir = await treeWithThreeSecrets();
    const json = await runCli(['scan', '--max-findings', '1', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { findings: { startLine: number }[]; notices: string[] };
    expect(report.findings.map((f) => f.startLine)).toEqual([1]);
    expect(report.notices).toContain('2 more findings (2 high) past --max-findings 1 were counted, not listed; the baseline and ignore file were not checked against them and they fail the scan. Raise --max-findings to list them.');
    for (const format of ['text', 'markdown', 'sarif']) {
      const run = await runCli(['scan', '--max-findings', '1', '--format', format], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('past --max-findings 1');
    }
  });

  it('changes nothing under the limit, and refuses a value that is not a whole number of 1 or more', async () => {
    const dir = await treeWithThreeSecrets();
    const run = await runCli(['scan', '--max-findings', '3', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(run.stdout) as { findings: unknown[]; notices: string[] }).findings).toHaveLength(3);
    expect(run.stdout).not.toContain('--max-findings');
    for (const bad of ['0', '-1', '1.5', 'many']) {
      const refused = await runCli(['scan', `--max-findings=${bad}`], { cwd: dir });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`--max-findings ${bad} is not a whole number of 1 or more`);
    }
  });
});
