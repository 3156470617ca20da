import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings/index.js';
import { toMarkdown } from '../../../src/reporters/index.js';
import { occurrenceSection } from '../../../src/reporters/markdown/occurrences.js';
import { cleanResult, historyFindings, historyResult, sampleContext, sampleFindings } from '../../helpers/sample-result.js';

function stripeFinding(): Finding {
  const finding = historyFindings().find((f) => f.ruleId === 'stripe.secret-key');
  if (finding === undefined) throw new Error('no stripe history finding');
  return finding;
}

describe('occurrenceSection', () => {
  it('lists, per finding, the other places sorted by commit date then path, linked at the commit that added them', () => {
    expect(occurrenceSection([stripeFinding()], sampleContext().vcs)).toEqual([
      '### Other places in history',
      '',
      '- `sk_l…(41)` (`stripe.secret-key`) at `src/config.ts:12` is also in:',
      '  - [`config/legacy.ts:4`](https://github.com/acme/api/blob/0badc0de1234567890abcdef1234567890abcdef/config/legacy.ts#L4) in `0badc0de1234`',
      '  - [`docs/café/setup guide.md:20`](https://github.com/acme/api/blob/0badc0de1234567890abcdef1234567890abcdef/docs/caf%C3%A9/setup%20guide.md#L20) in `0badc0de1234`',
      '',
    ]);
  });

  it('does not link without a repository URL', () => {
    expect(occurrenceSection([stripeFinding()], undefined).join('\n')).not.toContain('](');
  });

  it('neither links nor names a commit for a place no commit added (only a stash)', () => {
    const finding = stripeFinding();
    const occurrences = [...(finding.occurrences ?? []), { path: 'stash/only.ts', startLine: 7, startColumn: 1 }];
    expect(occurrenceSection([{ ...finding, occurrences }], sampleContext().vcs)).toContain('  - `stash/only.ts:7`');
  });

  it('lists at most 10 places per finding and counts the rest', () => {
    const finding = stripeFinding();
    const extra = Array.from({ length: 12 }, (_, index) => ({ path: `copies/c${String(index).padStart(2, '0')}.ts`, startLine: 1, startColumn: 1, commit: finding.commit }));
    const lines = occurrenceSection([{ ...finding, occurrences: [...(finding.occurrences ?? []), ...extra] }], undefined);
    expect(lines.filter((line) => line.startsWith('  - '))).toHaveLength(11);
    expect(lines).toContain('  - …and 4 more');
  });

  it('is empty when no finding has other places (range and directory scans)', () => {
    expect(occurrenceSection(sampleFindings(), sampleContext().vcs)).toEqual([]);
  });
});

describe('toMarkdown for history results', () => {
  it('puts the list between the table and the "How to fix" sections', () => {
    const output = toMarkdown(historyResult(), sampleContext());
    const table = output.indexOf('| Severity');
    const list = output.indexOf('### Other places in history');
    expect(table).toBeGreaterThan(0);
    expect(list).toBeGreaterThan(table);
    expect(output.indexOf('### How to fix')).toBeGreaterThan(list);
  });

  it('escapes paths of other places', () => {
    const finding = stripeFinding();
    const odd = { path: 'a|b/`x`.md', startLine: 3, startColumn: 1 };
    const output = toMarkdown({ ...cleanResult(), findings: [{ ...finding, occurrences: [...(finding.occurrences ?? []), odd] }] }, sampleContext());
    expect(output).toContain('  - ``a\\|b/`x`.md:3``');
  });
});
