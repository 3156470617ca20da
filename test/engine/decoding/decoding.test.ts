import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/engine/index.js';
import { base64Fragments, BASE64_TRIGGER_WORDS } from '../../../src/engine/decoding/index.js';
import { loadBuiltinRules } from '../../../src/rules/index.js';
import { FAKE } from '../../helpers/fake-secrets.js';

const { rules } = await loadBuiltinRules();
const matcher = createMatcher(rules);
const scan = (text: string, path = 'config/app.yaml') => matcher.scanChunk({ origin: 'tree', path, text, startLine: 1 }).findings;
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
/** A made-up AWS secret access key (40 characters, one of them a slash). */
const AWS_SECRET = ['Zq8vN2xR4tL7pW9sK3mB', '6yH1c/F5gJ0dA8eU2iO4'].join('');

describe('base64Fragments', () => {
  it('finds every trigger word in an encoding of it at any alignment', () => {
    for (const word of BASE64_TRIGGER_WORDS) {
      const fragments = base64Fragments(word);
      for (const prefix of ['', 'a', 'ab', 'abc', 'x=1 ']) {
        const encoded = b64(`${prefix}${word} and more`);
        if (fragments.length === 3)
          expect(
            fragments.some((f) => encoded.includes(f)),
            `${word} after "${prefix}"`,
          ).toBe(true);
      }
    }
  });
});

describe('decoding', () => {
  it('finds a secret inside a base64 value and reports it on the encoded text', () => {
    const value = b64(`aws_secret_access_key=${AWS_SECRET}\n`);
    const text = `settings:\n  blob: ${value}\n`;
    const [finding, ...rest] = scan(text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'aws.secret-access-key', decodedFrom: 'base64', startLine: 2, startColumn: 9, endColumn: 9 + value.length });
    expect(JSON.stringify(finding)).not.toContain(AWS_SECRET);
    expect(JSON.stringify(finding)).not.toContain(value);
  });

  it('reads %-encoded values and JSON strings with escapes', () => {
    const urlEncoded = `aws_secret_access_key=${AWS_SECRET.replace('/', '%2F')}`;
    expect(scan(urlEncoded, '.env').map((f) => [f.ruleId, f.decodedFrom])).toEqual([['aws.secret-access-key', 'url']]);
    const json = '{"db": "postgres:\\/\\/app:Wq8zLm2xRt5v@db.internal:5432\\/app"}';
    expect(scan(json, 'config.json').map((f) => [f.ruleId, f.decodedFrom])).toEqual([['database.connection-url', 'json-string']]);
  });

  it('decodes a layer inside a layer, and stops there', () => {
    // %-encoding once per layer: %252F is %2F after one decoding and / after two.
    const encodedTwice = `aws_secret_access_key=${AWS_SECRET.replace('/', '%252F')}`;
    expect(scan(encodedTwice, '.env').map((f) => f.ruleId)).toEqual(['aws.secret-access-key']);
    const encodedThrice = `aws_secret_access_key=${AWS_SECRET.replace('/', '%25252F')}`;
    expect(scan(encodedThrice, '.env').map((f) => f.ruleId)).toEqual([]);
  });

  it('leaves binary base64 (a key body, an image) and JWT segments alone', () => {
    const binary = Buffer.from(Array.from({ length: 96 }, (_, i) => (i * 37) % 256)).toString('base64');
    expect(scan(`icon: ${binary}\n`)).toEqual([]);
    expect(scan(FAKE.pem, 'id_rsa').map((f) => f.ruleId)).toEqual(['private-key.pem']);
  });
});

describe('Kubernetes Secret manifests', () => {
  const manifest = (data: string, kind = 'Secret') => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: app\ntype: Opaque\ndata:\n${data}`;

  it('reports a data value, decoded, on the encoded text', () => {
    const findings = scan(manifest(`  username: ${b64('admin')}\n  extra: ${b64('app-user:W3ntw0rth-Kz8q')}\n`), 'k8s/secret.yaml');
    expect(findings.map((f) => [f.ruleId, f.startLine, f.decodedFrom, f.severity])).toEqual([['kubernetes.secret-data', 8, 'base64', 'high']]);
    expect(JSON.stringify(findings)).not.toContain('W3ntw0rth');
  });

  it('reads block scalars and lets a specific rule take a value it recognises', () => {
    const block = manifest(`  config: |\n    ${b64(`aws_secret_access_key=${AWS_SECRET}`)}\n`);
    expect(scan(block).map((f) => f.ruleId)).toEqual(['aws.secret-access-key']);
  });

  it('stays quiet on other kinds, short values, templates and empty values', () => {
    expect(scan(manifest(`  extra: ${b64('app-user:W3ntw0rth-Kz8q')}\n`, 'ConfigMap'))).toEqual([]);
    expect(scan(manifest(`  extra: ${b64('app-user:W3ntw0rth-Kz8q')}\n`, 'ExternalSecret'))).toEqual([]);
    expect(scan(manifest(`  extra: ${b64('bar\n')}\n  htpasswd: ''\n  password: {{ .Values.password | b64enc }}\n`))).toEqual([]);
  });
});
