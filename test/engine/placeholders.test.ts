import { describe, expect, it } from 'vitest';
import { createMatcher, isPlaceholder } from '../../src/engine/index.js';
import { isDocument, isFieldWordValue } from '../../src/engine/placeholders.js';
import { loadBuiltinRules } from '../../src/rules/index.js';

const { rules } = await loadBuiltinRules();
const matcher = createMatcher(rules);

// Variables our users keep secrets in, each assigned every placeholder style people commit.
const NAMES = ['UW_TOKEN', 'TRADESTATION_CLIENT_SECRET', 'APCA_API_SECRET_KEY', 'STRIPE_SECRET_KEY', 'JWT_SECRET', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'SLACK_BOT_TOKEN', 'OPENAI_API_KEY', 'DB_PASSWORD', 'API_KEY'];
const VALUES = [
  'your_token_here',
  '<your-key>',
  '<YOUR_API_KEY>',
  'change_me_before_deploying',
  'changeme123456789',
  'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
  '${SECRET_FROM_ENV}',
  '${{ secrets.API_TOKEN }}',
  'process.env.API_TOKEN',
  'os.getenv("API_TOKEN")',
  '"{{ vault_api_token }}"',
  '********************',
];

describe('placeholders are never findings', () => {
  const lines = NAMES.flatMap((name) => VALUES.map((value) => `${name}=${value}`));
  it.each(lines)('%s', (line) => {
    expect(matcher.scanChunk({ origin: 'tree', path: 'backend/.env', text: `${line}\n`, startLine: 1 }).findings).toEqual([]);
  });

  it('nor are documented AWS example keys', () => {
    const text = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
    expect(matcher.scanChunk({ origin: 'tree', path: '.aws/credentials', text, startLine: 1 }).findings).toEqual([]);
  });
});

describe('isPlaceholder', () => {
  it.each(['your_api_key', '<token>', '${X}', '{{ x }}', '%API_KEY%', '$(cat key)', '$TOKEN', 'aaaaaaaaaaaa', 'REDACTED', 'ab…cd'])('%s is a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });
  it.each(['Q7b9ZxW2kLm4Np8Rt6Yv3Hs1', 'ghp_a8Kd92LmQz7Xw3Rt5Yp1Nc6B'])('%s is not', (value) => {
    expect(isPlaceholder(value)).toBe(false);
  });
});

describe('placeholder shapes', () => {
  it.each(['my_api_key', 'MY_SECRET_TOKEN', 'mypassword', 'api_key_here', 'sample_8f3a9c2d1e7b', 'fake_key_for_testing', 'xxx9f8e7d6c5b4a', 'STRING_VALUE', 'NEXT_UPGRADE_PUBLISH_TOKEN'])('%s is a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });
  it.each(['myS3cr3tV4lu3x', 'mydog2Cat!', 'FakeValues99ESPW3ALMEZ6U', 'SOME_PASSWORD', 'HERE_IS_9f8e7d6c', 'Tr0ub4dor_here3'])('%s is not', (value) => {
    expect(isPlaceholder(value)).toBe(false);
  });
});

describe("a field's own word in a credential slot", () => {
  const scan = (path: string, text: string) => matcher.scanChunk({ origin: 'tree', path, text, startLine: 1 }).findings;

  it.each(['mypassword', 'myPassword', 'PASSWORD', 'mypass', 'dbpassword', 'AdminPass'])('%s is a field word value', (value) => {
    expect(isFieldWordValue(value)).toBe(true);
  });
  it.each(['my_password', 'MY_SECRET', 'your_password', 'myS3cr3t', 'hunter2', 'passage', 'mycat'])('%s is not', (value) => {
    expect(isFieldWordValue(value)).toBe(false);
  });

  it('is a low finding in a connection string, a psexec command and an ini entry', () => {
    const text = ['Server=sql01;Database=Ledger;User ID=ledger;Password=MyPassword;', 'psexec \\\\build-07 -u CORP\\ops -p mypass cmd', ''].join('\n');
    const findings = scan('deploy/run.txt', text);
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['odbc.connection-string-password', 'low'],
      ['psexec.command-line-password', 'low'],
    ]);
    expect(scan('conf/mailer.ini', '[mailer]\nsmtp_password=mypassword\n').map((f) => [f.ruleId, f.severity])).toEqual([['generic.weak-secret-env', 'low']]);
  });

  it('but a template or a variable in the same slot is not reported', () => {
    const text = 'Server=sql01;Database=Ledger;User ID=ledger;Password=your_password;\npsexec \\\\build-07 -u ops -p %OPS_PASS% cmd\n';
    expect(scan('deploy/run.txt', text)).toEqual([]);
    expect(scan('conf/mailer.ini', 'smtp_password=my_password\n')).toEqual([]);
  });

  it('nor in a code assignment, where it names the value to put there', () => {
    expect(scan('src/settings.ts', 'const masterUserPassword = "mypassword";\n')).toEqual([]);
  });
});

describe('isDocument', () => {
  it.each(['{"auths":{"registry.example.org":{"auth":"Y2k6V3Ez"}}}', '[{"user": "ci"}]', 'user=ci\npassword=Wq3nT7'])('%s is a document', (value) => {
    expect(isDocument(value)).toBe(true);
  });
  it.each(['example-key-123', '{{ vault_token }}', '{not json}'])('%s is not', (value) => {
    expect(isDocument(value)).toBe(false);
  });
});
