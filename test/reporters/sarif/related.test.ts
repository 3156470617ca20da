import { describe, expect, it } from 'vitest';
import type { Result } from 'sarif';
import type { Finding } from '../../../src/findings/index.js';
import { buildSarifLog, toSarif } from '../../../src/reporters/index.js';
import { MAX_RELATED_LOCATIONS, relatedLocationsOf } from '../../../src/reporters/sarif/related.js';
import { cleanResult, historyFindings, historyResult, sampleContext, sampleResult, withOtherPlaces } from '../../helpers/sample-result.js';
import { sarifSchemaErrors } from './schema.js';

function stripeFinding(): Finding {
  const finding = historyFindings().find((f) => f.ruleId === 'stripe.secret-key');
  if (finding === undefined) throw new Error('no stripe history finding');
  return finding;
}

function resultsOf(findings: Finding[]): Result[] {
  return buildSarifLog({ ...cleanResult(), findings }, sampleContext()).runs[0]?.results ?? [];
}

describe('relatedLocationsOf', () => {
  it('gives each other place its own relative location, region and a message naming the commit', () => {
    expect(relatedLocationsOf(stripeFinding())).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'config/legacy.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 27, endLine: 4, endColumn: 68 } },
        message: { text: 'The same secret, added here in commit 0badc0de1234 on 2024-05-17.' },
      },
      {
        id: 2,
        physicalLocation: { artifactLocation: { uri: 'docs/caf%C3%A9/setup%20guide.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 20, startColumn: 9, endLine: 20, endColumn: 50 } },
        message: { text: 'The same secret, added here in commit 0badc0de1234 on 2024-05-17.' },
      },
    ]);
  });

  it('gives a multi-line secret the same number of lines and the same end column everywhere', () => {
    const finding = { ...stripeFinding(), startLine: 10, startColumn: 3, endLine: 14, endColumn: 26 };
    const occurrences = [
      { path: finding.path, startLine: 10, startColumn: 3, commit: finding.commit },
      { path: 'b.pem', startLine: 1, startColumn: 1 },
    ];
    expect(relatedLocationsOf({ ...finding, occurrences })[0]?.physicalLocation?.region).toEqual({ startLine: 1, startColumn: 1, endLine: 5, endColumn: 26 });
  });

  it(`uses unique integer ids and lists at most ${MAX_RELATED_LOCATIONS} places`, () => {
    const related = relatedLocationsOf(withOtherPlaces(stripeFinding(), 150));
    expect(related).toHaveLength(MAX_RELATED_LOCATIONS);
    const ids = related.map((location) => location.id);
    expect(ids.every(Number.isInteger)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is empty for findings that are not from a history scan', () => {
    expect(resultsOf(sampleResult().findings).every((result) => result.relatedLocations === undefined)).toBe(true);
  });
});

describe('SARIF results for history findings', () => {
  it('link the other places from the message, so GitHub shows them', () => {
    const [aws, stripe] = resultsOf(historyFindings());
    expect(stripe?.message.text).toBe(
      'Stripe secret key detected: sk_l…(41). Introduced in a1b2c3d4e5f6; still present at HEAD. ' +
        'Also in [config/legacy.ts:4](1) and [docs/café/setup guide.md:20](2). ' +
        'Rotate it at the provider first, then remove it from the code and from git history.',
    );
    expect(aws?.message.text).toContain('Introduced in a1b2c3d4e5f6; removed from HEAD but still in git history. Also in [deploy/staging.env:2](1).');
  });

  it('link at most 10 places, escape brackets in link text, and count the rest', () => {
    const [result] = resultsOf([withOtherPlaces(stripeFinding(), 20)]);
    const text = result?.message.text ?? '';
    expect(text.match(/\]\(\d+\)/g)).toHaveLength(10);
    expect(text).toContain('Also in [copies/\\[0\\].ts:1](1), [copies/\\[10\\].ts:11](2), ');
    expect(text).toContain('[copies/\\[18\\].ts:19](10) and 12 more places. Rotate');
    for (const id of (text.match(/\]\((\d+)\)/g) ?? []).map((link) => Number(link.slice(2, -1)))) {
      expect(result?.relatedLocations?.some((location) => location.id === id)).toBe(true);
    }
  });

  it('carry firstCommit and isPresentAtHead next to commit', () => {
    const [aws, stripe] = resultsOf(historyFindings());
    expect(stripe?.properties).toEqual({
      commit: { sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', author: 'Jane Doe <jane@example.com>', date: '2024-03-01T10:00:00Z' },
      firstCommit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      isPresentAtHead: true,
    });
    expect(aws?.properties?.isPresentAtHead).toBe(false);
    for (const result of resultsOf(sampleResult().findings)) expect(result.properties ?? {}).not.toHaveProperty('firstCommit');
  });

  it('are valid against the SARIF 2.1.0 schema, also with many places and with --show-secrets', () => {
    expect(sarifSchemaErrors(JSON.parse(toSarif(historyResult(), sampleContext())))).toEqual([]);
    expect(sarifSchemaErrors(JSON.parse(toSarif(historyResult(true), sampleContext({ vcs: undefined }))))).toEqual([]);
    const many = { ...historyResult(), findings: [withOtherPlaces(stripeFinding(), 150)] };
    expect(sarifSchemaErrors(JSON.parse(toSarif(many, sampleContext())))).toEqual([]);
  });
});

describe('history message without a commit', () => {
  it('still says whether HEAD holds the secret', () => {
    const { commit: _dropped, ...finding } = stripeFinding();
    const [result] = resultsOf([{ ...finding, occurrences: [] }]);
    expect(result?.message.text).toBe('Stripe secret key detected: sk_l…(41). Still present at HEAD. Rotate it at the provider first, then remove it from the code and from git history.');
    expect(result?.properties).toEqual({ isPresentAtHead: true });
  });
});
