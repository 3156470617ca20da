import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../../src/reporters/index.js';
import { cleanResult, historyFindings, historyResult, sampleContext, sampleFindings, sampleResult } from '../../helpers/sample-result.js';

function tableRows(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Severity') && !line.startsWith('| ---'));
}

/** Splits a GFM table row at unescaped pipes. */
function cells(row: string): string[] {
  return row
    .slice(2, -2)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

describe('toMarkdown', () => {
  it('has a heading, a summary, the partial-scan warning and one table row per finding', () => {
    const output = toMarkdown(sampleResult(), sampleContext());
    expect(output.startsWith('## secretscan: 6 possible secrets\n\n**6 findings** in 4 files (3 high, 2 medium, 1 low).')).toBe(true);
    expect(output).toContain('> [!WARNING]\n> Partial scan:');
    expect(tableRows(output)).toHaveLength(6);
    expect(tableRows(output).every((row) => cells(row).length === 5)).toBe(true);
  });

  it('links locations to the file at the commit, or at the scanned revision', () => {
    const output = toMarkdown(sampleResult(), sampleContext());
    expect(output).toContain('(https://github.com/acme/api/blob/0badc0de1234567890abcdef1234567890abcdef/deploy/prod%20env/.env#L3)');
    expect(output).toContain('(https://github.com/acme/api/blob/c0ffee0000000000000000000000000000c0ffee/src/app.ts#L3)');
    expect(toMarkdown(sampleResult(), sampleContext({ vcs: undefined }))).not.toContain('](https://');
  });

  it('has one "How to fix" section per rule that fired, in rule id order', () => {
    const headings = toMarkdown(sampleResult(), sampleContext())
      .split('\n')
      .filter((line) => line.startsWith('### '));
    expect(headings).toEqual([
      '### How to fix: AWS access key ID (`aws.access-key-id`)',
      '### How to fix: Password assignment (`generic.password-assignment`)',
      '### How to fix: Legacy API token (`legacy.api-token`)',
      '### How to fix: Sentry DSN (`sentry.dsn`)',
      '### How to fix: Stripe secret key (`stripe.secret-key`)',
    ]);
  });

  it('escapes pipes and backticks in cells so that the table keeps five columns', () => {
    const [finding] = sampleFindings();
    if (finding === undefined) throw new Error('no sample finding');
    const odd = { ...finding, path: 'a|b/`x`|y.md', ruleName: 'Pipe | and `tick`', preview: 'ab|`…(9)' };
    const [row] = tableRows(toMarkdown({ ...cleanResult(), findings: [odd] }, sampleContext({ vcs: undefined })));
    expect(cells(row ?? '')).toEqual(['low', 'Pipe \\| and \\`tick\\` (`sentry.dsn`)', '``a\\|b/`x`\\|y.md:3``', '``ab\\|`…(9)``', '']);
  });

  it('neutralises HTML from the scanned repository', () => {
    const result = { ...cleanResult(), problems: [{ path: 'x.txt', message: '<img src=x onerror=alert(1)>' }], isPartial: true };
    const output = toMarkdown(result, sampleContext());
    expect(output).not.toContain('<img');
    expect(output).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says "No secrets found" for a clean scan and lists skipped files', () => {
    const output = toMarkdown(cleanResult(), sampleContext());
    expect(output.startsWith('## secretscan: no secrets found\n\nNo secrets found.')).toBe(true);
    expect(output).not.toContain('| Severity');
    expect(output).toContain('<summary>Skipped 1 file</summary>');
  });

  it('never shows finding.secret, even with --show-secrets', () => {
    const output = toMarkdown(sampleResult(true), sampleContext());
    for (const finding of sampleResult(true).findings) expect(output).not.toContain(finding.secret ?? '?');
  });

  it('lists at most 100 rows and counts the rest', () => {
    const [finding] = sampleFindings();
    if (finding === undefined) throw new Error('no sample finding');
    const many = Array.from({ length: 105 }, (_, index) => ({ ...finding, startLine: index + 1 }));
    const output = toMarkdown({ ...cleanResult(), findings: many }, sampleContext());
    expect(tableRows(output)).toHaveLength(100);
    expect(output).toContain('…and 5 more.');
  });

  it('adds a "Still at HEAD" column only when a finding has a HEAD status, with — where it is unknown', () => {
    expect(toMarkdown(sampleResult(), sampleContext())).not.toContain('Still at HEAD');
    const mixed = { ...cleanResult(), findings: [...historyFindings(), ...sampleFindings().slice(0, 1)] };
    const output = toMarkdown(mixed, sampleContext());
    expect(output).toContain('| Severity | Rule | Location | Preview | Commit | Still at HEAD |\n| --- | --- | --- | --- | --- | --- |\n');
    expect(tableRows(output).map((row) => cells(row).at(-1))).toEqual(['no', '—', 'yes']);
  });

  it('counts the other places a secret appears next to its location', () => {
    const rows = tableRows(toMarkdown(historyResult(), sampleContext())).map((row) => cells(row)[2] ?? '');
    expect(rows[0]).toMatch(/\) \+1 more place$/);
    expect(rows[1]).toMatch(/\) \+2 more places$/);
  });

  it('shows notices as a note callout right under the heading, one paragraph each, escaped', () => {
    const output = toMarkdown({ ...cleanResult(), notices: ['Shallow clone: 12 commits.', 'Ref <b>x</b> was skipped'] }, sampleContext());
    expect(output).toContain('## secretscan: no secrets found\n\n> [!NOTE]\n> Shallow clone: 12 commits.\n>\n> Ref &lt;b&gt;x&lt;/b&gt; was skipped\n\nNo secrets found.');
    expect(toMarkdown(sampleResult(), sampleContext())).not.toContain('[!NOTE]');
  });
});
