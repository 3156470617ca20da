import { describe, expect, it } from 'vitest';
import { createMatcher, isPlaceholder } from '../../src/engine/index.js';
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
