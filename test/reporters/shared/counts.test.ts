import { describe, expect, it } from 'vitest';
import { fileCount, plural, severityBreakdown, skipBreakdown, suppressedBreakdown } from '../../../src/reporters/shared/counts.js';
import { sampleFindings, sampleResult } from '../../helpers/sample-result.js';

describe('summary counts', () => {
  it('pluralises', () => {
    expect([plural(0, 'file'), plural(1, 'file'), plural(2, 'file')]).toEqual(['0 files', '1 file', '2 files']);
  });

  it('breaks findings down by severity in severity order, and counts files', () => {
    expect(severityBreakdown(sampleFindings())).toBe('3 high, 2 medium, 1 low');
    expect(fileCount(sampleFindings())).toBe(4);
  });

  it('counts skipped files by reason, sorted by reason', () => {
    expect(skipBreakdown(sampleResult().skipped)).toBe('1 binary, 1 symlink, 1 too-large');
  });

  it('names suppression mechanisms and leaves out zeros', () => {
    expect(suppressedBreakdown({ inline: 2, allowlist: 0, paths: 3 })).toBe('2 inline, 3 allowlisted paths');
    expect(suppressedBreakdown({ inline: 0, allowlist: 0, paths: 0 })).toBe('');
  });

  it('names the baseline and the ignore file, when present and non-zero', () => {
    expect(suppressedBreakdown({ inline: 1, allowlist: 0, paths: 0, baseline: 4, ignored: 2 })).toBe('1 inline, 4 in the baseline, 2 in .secretscanignore');
    expect(suppressedBreakdown({ inline: 0, allowlist: 0, paths: 0, baseline: 0, ignored: 0 })).toBe('');
  });
});
