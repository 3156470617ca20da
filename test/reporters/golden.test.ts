import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { reporterFor } from '../../src/reporters/index.js';
import type { ReportFormat } from '../../src/reporters/index.js';
import type { ScanResult } from '../../src/findings/index.js';
import { cleanResult, historyResult, sampleContext, sampleResult, verifiedResult } from '../helpers/sample-result.js';
import { sarifSchemaErrors } from './sarif/schema.js';

const EXTENSIONS: Record<ReportFormat, string> = { text: 'txt', json: 'json', sarif: 'sarif', markdown: 'md', html: 'html' };
const CASES: Record<string, () => ScanResult> = { findings: sampleResult, clean: cleanResult, history: historyResult, verified: verifiedResult };

// The sample has a fixed root (/repo), version and no durations, so no output needs redacting
// before it is compared.
describe.each(Object.keys(EXTENSIONS) as ReportFormat[])('%s golden', (format) => {
  it.each(Object.keys(CASES))('%s', async (name) => {
    const build = CASES[name];
    if (build === undefined) throw new Error(`no case ${name}`);
    const output = reporterFor(format)(build(), sampleContext());
    const file = `../golden/${format}/${name}.${EXTENSIONS[format]}`;
    await expect(output).toMatchFileSnapshot(file);
    if (format === 'sarif') expect(sarifSchemaErrors(JSON.parse(output))).toEqual([]);
  });
});

// The committed goldens are what reviewers read and what users copy, so they are checked against
// the schema as files too (a hand edit or a stale golden would otherwise go unnoticed).
describe('sarif goldens on disk', () => {
  it('every test/golden/sarif file is valid against the SARIF 2.1.0 schema', async () => {
    const dir = new URL('../golden/sarif/', import.meta.url);
    const files = (await readdir(dir)).filter((name) => name.endsWith('.sarif'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const errors = sarifSchemaErrors(JSON.parse(await readFile(new URL(name, dir), 'utf8')));
      expect(errors, name).toEqual([]);
    }
  });
});
