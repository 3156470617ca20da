import { describe, expect, it } from 'vitest';
import type { Log, Result, Run } from 'sarif';
import { buildSarifLog, SARIF_SCHEMA_URI, toSarif } from '../../../src/reporters/index.js';
import { cleanResult, historyResult, sampleContext, sampleResult } from '../../helpers/sample-result.js';
import { sarifSchemaErrors } from './schema.js';

function runOf(log: Log): Run {
  const run = log.runs[0];
  if (run === undefined) throw new Error('no run');
  return run;
}

const richRun = (): Run => runOf(buildSarifLog(sampleResult(), sampleContext()));
const resultAt = (index: number): Result => {
  const result = richRun().results?.[index];
  if (result === undefined) throw new Error(`no result ${index}`);
  return result;
};

describe('buildSarifLog', () => {
  it('declares SARIF 2.1.0 with the schema store URI and describes the driver', () => {
    const log = buildSarifLog(sampleResult(), sampleContext());
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe('2.1.0');
    expect(runOf(log).tool.driver).toMatchObject({
      name: 'secretscan',
      version: '1.2.3',
      semanticVersion: '1.2.3',
      informationUri: 'https://github.com/secretscan/secretscan',
    });
  });

  it('omits semanticVersion when the version is not semver', () => {
    const driver = runOf(buildSarifLog(sampleResult(), sampleContext({ version: 'dev' }))).tool.driver;
    expect(driver.version).toBe('dev');
    expect(driver.semanticVersion).toBeUndefined();
  });

  it('lists only the rules that fired, sorted by id, and points ruleIndex at them', () => {
    const run = richRun();
    const ids = (run.tool.driver.rules ?? []).map((rule) => rule.id);
    expect(ids).toEqual(['aws.access-key-id', 'generic.password-assignment', 'legacy.api-token', 'sentry.dsn', 'stripe.secret-key']);
    for (const result of run.results ?? []) expect(ids[result.ruleIndex ?? -1]).toBe(result.ruleId);
  });

  it('describes each rule with a PascalCase name, help carrying the remediation, tags and security severity', () => {
    const stripe = richRun().tool.driver.rules?.find((rule) => rule.id === 'stripe.secret-key');
    expect(stripe).toMatchObject({
      name: 'StripeSecretKey',
      shortDescription: { text: 'Stripe secret key.' },
      helpUri: 'https://dashboard.stripe.com/apikeys',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['payment', 'secret', 'security'], 'security-severity': '8.9', precision: 'high' },
    });
    expect(stripe?.help?.text).toContain('Roll the key in the dashboard');
    expect(stripe?.help?.markdown).toContain('git filter-repo --replace-text');
    expect(stripe?.help?.markdown).toContain('secretscan scan --history');
  });

  it('maps severities to levels and security-severity scores', () => {
    const rules = richRun().tool.driver.rules ?? [];
    const byId = (id: string) => rules.find((rule) => rule.id === id)?.properties?.['security-severity'] as unknown;
    expect([byId('aws.access-key-id'), byId('generic.password-assignment'), byId('sentry.dsn')]).toEqual(['8.9', '5.5', '2.0']);
    expect((richRun().results ?? []).map((result) => result.level)).toEqual(['error', 'warning', 'note', 'error', 'error', 'warning']);
  });

  it('locates results relative to %SRCROOT% with URI-encoded paths and the finding region', () => {
    const location = resultAt(1).locations?.[0]?.physicalLocation;
    expect(location?.artifactLocation).toEqual({ uri: 'docs/caf%C3%A9/na%C3%AFve%20notes.md', uriBaseId: '%SRCROOT%' });
    expect(location?.region).toEqual({ startLine: 7, startColumn: 22, endLine: 7, endColumn: 43, snippet: { text: '« café » password = "hunt…(21)"' } });
    expect(richRun().originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
    expect(richRun().columnKind).toBe('utf16CodeUnits');
  });

  it('carries both fingerprints and the commit provenance', () => {
    const result = resultAt(0);
    expect(Object.keys(result.partialFingerprints ?? {})).toEqual(['secretscan/v1', 'secretscanSecretId/v1']);
    expect(result.partialFingerprints?.['secretscan/v1']).toMatch(/^v[12]:[0-9a-f]{32}$/);
    expect(result.properties).toEqual({
      commit: { sha: '0badc0de1234567890abcdef1234567890abcdef', author: 'Zoë Ünal <zoe@example.com>', date: '2024-05-17T08:30:00+02:00' },
    });
    expect(result.message.text).toBe('AWS access key ID detected: AKIA…(18). Committed in 0badc0de1234. Rotate it at the provider first, then remove it from the code and from git history.');
  });

  it('names the file in the message of a secret-bearing-file finding (it has no preview)', () => {
    const result = sampleResult();
    const [first] = result.findings;
    if (first === undefined) throw new Error('no finding');
    result.findings = [{ ...first, ruleId: 'file.dotenv', ruleName: 'dotenv file', path: 'backend/.env', preview: '' }];
    const message = runOf(buildSarifLog(result, sampleContext())).results?.[0]?.message.text;
    expect(message).toMatch(/^dotenv file detected: backend\/\.env\. /);
  });

  it('records a partial scan as an unsuccessful invocation with one notification per problem', () => {
    expect(richRun().invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: "Could not scan this file: EACCES: permission denied, open 'secrets/locked.txt'." },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'secrets/locked.txt', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
    expect(runOf(buildSarifLog(cleanResult(), sampleContext())).invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('reports notices as "note" notifications after the problems, each ending with a period', () => {
    const result = { ...sampleResult(), notices: ['Shallow clone: 12 commits', 'Second notice.'] };
    const notifications = runOf(buildSarifLog(result, sampleContext())).invocations?.[0]?.toolExecutionNotifications ?? [];
    expect(notifications.map((n) => [n.level, n.message.text])).toEqual([
      ['error', "Could not scan this file: EACCES: permission denied, open 'secrets/locked.txt'."],
      ['note', 'Shallow clone: 12 commits.'],
      ['note', 'Second notice.'],
    ]);
    expect(runOf(buildSarifLog(historyResult(), sampleContext())).invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [{ level: 'note', message: { text: 'This is a shallow clone: history covers 12 commits back to 2024-01-02.' } }],
      },
    ]);
  });

  it('adds versionControlProvenance only when ctx.vcs is set', () => {
    expect(richRun().versionControlProvenance).toEqual([{ repositoryUri: 'https://github.com/acme/api', revisionId: 'c0ffee0000000000000000000000000000c0ffee', branch: 'main', mappedTo: { uriBaseId: '%SRCROOT%' } }]);
    expect(runOf(buildSarifLog(sampleResult(), sampleContext({ vcs: undefined }))).versionControlProvenance).toBeUndefined();
  });

  it('encodes a Windows root as a file URI with a trailing slash', () => {
    const run = runOf(buildSarifLog(cleanResult(), sampleContext({ root: 'C:\\work\\my repo' })));
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe('file:///C:/work/my%20repo/');
  });
});

describe('toSarif', () => {
  it('is JSON with 2-space indentation and a trailing newline', () => {
    const text = toSarif(cleanResult(), sampleContext());
    expect(text.startsWith('{\n  "$schema"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it.each([
    ['the rich sample', () => toSarif(sampleResult(), sampleContext())],
    ['a clean scan', () => toSarif(cleanResult(), sampleContext())],
    ['the history sample', () => toSarif(historyResult(), sampleContext())],
    ['no version control', () => toSarif(sampleResult(), sampleContext({ vcs: undefined }))],
    ['--show-secrets', () => toSarif(sampleResult(true), sampleContext())],
  ])('is valid against the SARIF 2.1.0 schema for %s', (_name, render) => {
    expect(sarifSchemaErrors(JSON.parse(render()))).toEqual([]);
  });

  it('stays redacted even when findings carry the raw secret (--show-secrets)', () => {
    const output = toSarif(sampleResult(true), sampleContext());
    for (const finding of sampleResult(true).findings) expect(output).not.toContain(finding.secret ?? '?');
  });
});
