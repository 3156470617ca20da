import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/engine/index.js';
import { loadBuiltinRules, type Rule } from '../../src/rules/index.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { compileTestPack } from '../helpers/rules.js';

const { rules } = await loadBuiltinRules();
const matcher = createMatcher(rules);
const scan = (path: string, text: string) => matcher.scanChunk({ origin: 'tree', path, text, startLine: 1 }).findings;

describe('weak committed secrets', () => {
  it('grades a weak secret by the file it is in', () => {
    const text = 'ADMIN_PASSWORD=Passw0rd2024\nSESSION_SECRET=dev\n';
    const severities = (path: string) => scan(path, text).map((f) => `${f.ruleId}:${f.severity}`);
    expect(severities('.env.production')).toEqual(['generic.weak-secret-env:high', 'generic.weak-secret-env:high']);
    expect(severities('backend/.env')).toEqual(['generic.weak-secret-env:medium', 'generic.weak-secret-env:medium']);
    expect(severities('test/fixtures/app.env')).toEqual(['generic.weak-secret-env:low', 'generic.weak-secret-env:low']);
  });

  it('leaves unquoted values in source files to the quoted rule (a bare name there is a variable)', () => {
    expect(scan('src/db.py', 'password = fallback_password\n')).toEqual([]);
    expect(scan('src/db.py', "password = 'tigertiger'\n").map((f) => f.ruleId)).toEqual(['generic.weak-secret']);
  });

  it('reports a strong value once, under the strong rule, not again as weak', () => {
    const findings = scan('.env', 'DB_PASSWORD=qu%j%JAwz@N7x\n');
    expect(findings.map((f) => f.ruleId)).toEqual(['generic.password-assignment']);
  });

  it('stays quiet on references, placeholders and translation files', () => {
    expect(scan('.env', 'DB_PASSWORD=${DB_PASSWORD}\nJWT_SECRET=changeme\nPASSWORD=\n')).toEqual([]);
    expect(scan('locales/de.json', '{ "password": "Passwort" }\n')).toEqual([]);
  });
});

describe('severityByPath', () => {
  const pack = (entries: string) =>
    compileTestPack(`
provider:
  id: acme
  name: Acme
  remediation: { rotateUrl: 'https://acme.test/keys', steps: [Revoke it] }
rules:
  - id: acme.token
    name: Acme token
    description: acme_ and 24 alphanumerics.
    severity: medium
    pattern: '\\b(?<secret>acme_[A-Za-z0-9]{24})\\b'
    keywords: [acme_]
    severityByPath: ${entries}
    references: [https://acme.test/docs]
    tags: [test]
    examples: ['TOKEN=acme_Q7b9ZxW2kLm4Np8Rt6Yv3Hs1', 'x acme_a8Kd92LmQz7Xw3Rt5Yp1Nc6B']
    negativeExamples: ['acme_Q7b9ZxW2kLm4Np8Rt6Yv3H']
`);

  it('takes the first entry whose paths match, else the rule severity', () => {
    const rules: Rule[] = pack(`[{ paths: ['prod/**'], severity: high }, { paths: ['*.md', 'prod/notes.txt'], severity: low }]`);
    const m = createMatcher(rules);
    const severity = (path: string) => m.scanChunk({ origin: 'tree', path, text: 'acme_Q7b9ZxW2kLm4Np8Rt6Yv3Hs1', startLine: 1 }).findings[0]?.severity;
    expect(severity('prod/notes.txt')).toBe('high');
    expect(severity('docs/a.md')).toBe('low');
    expect(severity('src/a.ts')).toBe('medium');
  });

  it('rejects a malformed entry with the rule id', () => {
    expect(() => pack(`[{ paths: ['x'], severity: urgent }]`)).toThrow(/acme\.token: `severityByPath` must be/);
    expect(() => pack(`[{ path: ['x'], severity: low }]`)).toThrow(/severityByPath/);
    expect(() => pack(`[{ class: nowhere, severity: low }]`)).toThrow(/class: tests-and-docs/);
    expect(() => pack(`[{ class: tests-and-docs, paths: ['x'], severity: low }]`)).toThrow(/severityByPath/);
  });

  it('names a path class instead of globs, and the rule entries come before the default one', () => {
    const m = createMatcher(pack(`[{ class: tests-and-docs, severity: high }]`));
    expect(m.scanChunk({ origin: 'tree', path: 'test/a.txt', text: 'acme_Q7b9ZxW2kLm4Np8Rt6Yv3Hs1', startLine: 1 }).findings[0]?.severity).toBe('high');
  });
});

describe('credentials in tests and docs are graded low, whatever the rule', () => {
  it.each([
    'test/certdata/keycert.pem',
    'Lib/test/ssl_key.pem',
    'spec/fixtures/id_rsa',
    'src/__tests__/keys.ts',
    'app/client.test.ts',
    'examples/server.key',
    'samples-dev/auth.key',
    'docs/setup/key.pem',
    'README.md',
    'lib/generators/templates/master.key.tt',
    '.devcontainer/devcontainer.json',
    '.devcontainer.json',
  ])('%s', (path) => {
    expect(scan(path, `${FAKE.pem}\n`).map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['private-key.pem:low']);
    expect(scan(path, `aws_access_key_id = ${FAKE.awsKeyId}\n`).map((f) => f.severity)).toEqual(['low']);
  });

  it('and stay at the rule severity in code that runs', () => {
    expect(scan('deploy/server.key', `${FAKE.pem}\n`).map((f) => f.severity)).toEqual(['high']);
    expect(scan('contest/server.key', `${FAKE.pem}\n`).map((f) => f.severity)).toEqual(['high']);
  });
});

describe('generic rules in generated files', () => {
  it('stay quiet in lock files, minified bundles and source maps, and not elsewhere', () => {
    const line = 'config.signing_key = "T5pap+XzKylnpHT6euc2txxXSaXRlJzTUcSLb7HG"\n';
    expect(scan('src/config.js', line).map((f) => f.ruleId)).toEqual(['generic.secret-assignment']);
    for (const path of ['package-lock.json', 'web/yarn.lock', 'dist/app.min.js', 'dist/app.js.map']) expect(scan(path, line)).toEqual([]);
  });
});
