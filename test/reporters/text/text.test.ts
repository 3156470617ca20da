import { describe, expect, it } from 'vitest';
import { toText } from '../../../src/reporters/index.js';
import { cleanResult, sampleContext, sampleFindings, sampleResult } from '../../helpers/sample-result.js';

const ESC = '\u001b';

describe('toText', () => {
  it('groups findings by file, files sorted by path and findings by line and column', () => {
    const output = toText(sampleResult(), sampleContext());
    const headers = output.split('\n').filter((line) => line !== '' && !line.startsWith(' ') && line.includes('/'));
    expect(headers.slice(0, 4)).toEqual(['deploy/prod env/.env', 'docs/café/naïve notes.md', 'src/app.ts', 'src/config.ts']);
    expect(output.indexOf('12:24')).toBeLessThan(output.indexOf('12:81'));
    expect(output.indexOf('12:81')).toBeLessThan(output.indexOf('30:15'));
  });

  it('shows position, severity, rule, preview, rule name, redacted context and commit', () => {
    const output = toText(sampleResult(), sampleContext());
    expect(output).toContain('  3:19  high    aws.access-key-id  AKIA…(18)  AWS access key ID\n');
    expect(output).toContain('        AWS_ACCESS_KEY_ID=AKIA…(18)\n');
    expect(output).toContain('        commit 0badc0de1234  Zoë Ünal <zoe@example.com>  2024-05-17T08:30:00+02:00\n');
  });

  it('summarises counts, suppressions, skipped files by reason and path, problems and the partial scan', () => {
    const output = toText(sampleResult(), sampleContext());
    expect(output).toContain('6 findings in 4 files (3 high, 2 medium, 1 low).');
    expect(output).toContain('rules ran; suppressed: 2 inline, 1 allowlist, 3 allowlisted paths.');
    expect(output).toContain('Skipped 3 files: 1 binary, 1 symlink, 1 too-large.');
    expect(output).toContain('  vendor/bundle.min.js  (too-large, 5242880 bytes)');
    expect(output).toContain("1 problem:\n  secrets/locked.txt: EACCES: permission denied, open 'secrets/locked.txt'");
    expect(output).toMatch(/Warning: partial scan\./);
  });

  it('names the rotation page of every rule that fired, once', () => {
    const output = toText(sampleResult(), sampleContext());
    expect(output.match(/https:\/\/dashboard\.stripe\.com\/apikeys/g)).toHaveLength(1);
    expect(output).toMatch(/legacy\.api-token\s+\(rotate it where it was issued\)/);
  });

  it('prints one clean line, the rules that ran and what was suppressed, and the skip summary when nothing was found', () => {
    expect(toText(cleanResult(), sampleContext())).toBe('No secrets found.\n5 rules ran; suppressed: nothing.\nSkipped 1 file: 1 binary.\n  assets/logo.png  (binary, 20480 bytes)\n');
    // With no rule at all, the line says so: a clean report then means nothing.
    expect(toText(cleanResult(), sampleContext({ rules: [] }))).toContain('0 rules ran; suppressed: nothing.');
  });

  it('warns about a partial scan even when nothing was found', () => {
    const result = { ...cleanResult(), problems: [{ path: 'a.txt', message: 'EIO' }], isPartial: true };
    const output = toText(result, sampleContext());
    expect(output.startsWith('No secrets found.\n')).toBe(true);
    expect(output).toContain('1 problem:\n  a.txt: EIO');
    expect(output).toContain('Warning: partial scan.');
  });

  it('uses colour only when ctx.useColor is set', () => {
    expect(toText(sampleResult(), sampleContext())).not.toContain(ESC);
    const colored = toText(sampleResult(), sampleContext({ useColor: true }));
    expect(colored).toContain(`${ESC}[31m`);
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(toText(sampleResult(), sampleContext()));
  });

  it('escapes terminal control and bidi characters that come from the scanned repository', () => {
    const [finding] = sampleFindings();
    if (finding === undefined) throw new Error('no sample finding');
    const hostile = { ...finding, path: 'evil\u001b]0;pwned\u0007.txt', context: 'x = 1 \u202e// admin' };
    const output = toText({ ...cleanResult(), findings: [hostile] }, sampleContext());
    expect(output).not.toContain(ESC);
    expect(output).not.toContain('\u202e');
    expect(output).toContain('evil\\x1b]0;pwned\\x07.txt');
    expect(output).toContain('x = 1 \\u202e// admin');
  });

  it('shows finding.secret only when the engine set it (--show-secrets)', () => {
    expect(toText(sampleResult(), sampleContext())).not.toContain('secret: ');
    const shown = toText(sampleResult(true), sampleContext());
    for (const finding of sampleResult(true).findings) expect(shown).toContain(`secret: ${finding.secret ?? '?'}`);
  });
});
