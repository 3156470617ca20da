import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS, reporterFor } from '../../src/reporters/index.js';
import { historyResult, PLANTED_SECRET, RAW_SECRETS, sampleContext, sampleResult } from '../helpers/sample-result.js';

// PLANTED_SECRET reaches the sample only through the code that builds `context` lines; every
// other raw value only through offsets, fingerprints and previews. None may reach a report.
describe.each(REPORT_FORMATS)('%s reporter', (format) => {
  const render = reporterFor(format);

  it('never prints the planted raw secret', () => {
    expect(render(sampleResult(), sampleContext())).not.toContain(PLANTED_SECRET);
    expect(render(sampleResult(), sampleContext({ useColor: true }))).not.toContain(PLANTED_SECRET);
  });

  it('never prints any raw value of the sample', () => {
    const output = render(sampleResult(), sampleContext());
    for (const secret of RAW_SECRETS) expect(output).not.toContain(secret);
  });

  it('does not print the planted secret even with --show-secrets: no finding is about it', () => {
    expect(render(sampleResult(true), sampleContext())).not.toContain(PLANTED_SECRET);
  });

  it('never prints any raw value of the history sample (occurrences, HEAD status, notices)', () => {
    for (const output of [render(historyResult(), sampleContext()), render(historyResult(), sampleContext({ useColor: true, vcs: undefined }))]) {
      for (const secret of RAW_SECRETS) expect(output).not.toContain(secret);
    }
  });
});

describe('--show-secrets', () => {
  const SAMPLES = { rich: sampleResult, history: historyResult };

  it.each(['text', 'json'].flatMap((format) => Object.keys(SAMPLES).map((sample) => [format, sample] as const)))('%s shows the secret of every finding (%s sample)', (format, sample) => {
    const result = SAMPLES[sample as keyof typeof SAMPLES](true);
    const output = reporterFor(format)(result, sampleContext());
    for (const finding of result.findings) expect(output).toContain(finding.secret ?? '?');
  });

  it.each(['markdown', 'sarif'].flatMap((format) => Object.keys(SAMPLES).map((sample) => [format, sample] as const)))('%s keeps every secret redacted (%s sample)', (format, sample) => {
    const result = SAMPLES[sample as keyof typeof SAMPLES](true);
    const output = reporterFor(format)(result, sampleContext());
    for (const finding of result.findings) expect(output).not.toContain(finding.secret ?? '?');
  });
});
