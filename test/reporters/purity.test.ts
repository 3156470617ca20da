import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS, reporterFor } from '../../src/reporters/index.js';
import { historyResult, sampleContext, sampleResult } from '../helpers/sample-result.js';

const SOURCE_DIRS = ['../../src/reporters/', '../../src/remediation/'];

describe('reporters are pure', () => {
  // STYLE §2: a reporter never reads process.* or the clock; the CLI passes everything in ctx.
  it.each(SOURCE_DIRS)('%s reads neither process.* nor the clock', (dir) => {
    const url = new URL(dir, import.meta.url);
    // Format folders (text/, sarif/, …) hold most of the code: read them all.
    for (const file of readdirSync(url, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
      // Comments may talk about process.* (types.ts does); code may not use it.
      const source = readFileSync(new URL(file, url), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(source, file).not.toMatch(/\bprocess\s*\.|\bDate\b|performance\.now|Math\.random/);
    }
  });

  const SAMPLES = { rich: sampleResult, history: historyResult };
  const cases = REPORT_FORMATS.flatMap((format) => Object.keys(SAMPLES).map((sample) => [format, sample] as const));

  it.each(cases)('%s returns the same bytes for the same input (%s sample), and leaves the input untouched', (format, sample) => {
    const result = SAMPLES[sample as keyof typeof SAMPLES]();
    const before = JSON.stringify(result);
    const first = reporterFor(format)(result, sampleContext());
    expect(reporterFor(format)(result, sampleContext())).toBe(first);
    expect(JSON.stringify(result)).toBe(before);
  });

  it.each(REPORT_FORMATS)('%s does not depend on the order of findings or occurrences', (format) => {
    const result = historyResult();
    const shuffled = {
      ...result,
      findings: [...result.findings].reverse().map((finding) => ({ ...finding, occurrences: [...(finding.occurrences ?? [])].reverse() })),
    };
    expect(reporterFor(format)(shuffled, sampleContext())).toBe(reporterFor(format)(result, sampleContext()));
  });
});
