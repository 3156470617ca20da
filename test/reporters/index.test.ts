import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { isReportFormat, REPORT_FORMATS, reporterFor, toJson, toMarkdown, toSarif, toText } from '../../src/reporters/index.js';

describe('reporter registry', () => {
  it('lists the five formats', () => {
    expect(REPORT_FORMATS).toEqual(['text', 'json', 'sarif', 'markdown', 'html']);
  });

  it('maps each format name to its reporter', () => {
    expect(reporterFor('text')).toBe(toText);
    expect(reporterFor('json')).toBe(toJson);
    expect(reporterFor('sarif')).toBe(toSarif);
    expect(reporterFor('markdown')).toBe(toMarkdown);
  });

  it('rejects an unknown format with a UsageError that names the valid ones', () => {
    expect(() => reporterFor('xml')).toThrow(UsageError);
    expect(() => reporterFor('xml')).toThrow(/unknown report format "xml"/);
    try {
      reporterFor('xml');
    } catch (error) {
      expect((error as UsageError).hint).toBe('use one of: text, json, sarif, markdown, html');
    }
  });

  it('narrows strings with isReportFormat', () => {
    expect(REPORT_FORMATS.every(isReportFormat)).toBe(true);
    expect(isReportFormat('toString')).toBe(false);
  });
});
