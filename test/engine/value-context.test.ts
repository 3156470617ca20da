import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/engine/index.js';
import { isNotCredentialInContext, nameBefore, tupleNameOf } from '../../src/engine/value-context.js';
import { loadBuiltinRules } from '../../src/rules/index.js';

const { rules } = await loadBuiltinRules();
const matcher = createMatcher(rules);
const scan = (path: string, text: string) => matcher.scanChunk({ origin: 'tree', path, text, startLine: 1 }).findings;

/** Judges the last occurrence of `value` in `text`. */
function judge(path: string, text: string, value: string): boolean {
  const start = text.lastIndexOf(value);
  return isNotCredentialInContext(text, start, start + value.length, path);
}

describe('nameBefore', () => {
  it.each([
    ['api_key = "v"', 'api_key', true],
    ['  "clientToken": "v"', 'clientToken', true],
    ["$cfg['password'] => 'v'", 'password', true],
    ['this.secret=v', 'this.secret', false],
  ])('%s', (text, name, isQuoted) => {
    expect(nameBefore(text, text.lastIndexOf('v'))).toMatchObject({ name, isQuoted });
  });
});

describe('tupleNameOf', () => {
  it('maps each quoted value to its name', () => {
    const line = 'user, password = "wile", "coyote"';
    expect(tupleNameOf(line, line.indexOf('wile'))).toBe('user');
    expect(tupleNameOf(line, line.indexOf('coyote'))).toBe('password');
    expect(tupleNameOf('password = "coyote"', 12)).toBeUndefined();
  });
});

describe('isNotCredentialInContext', () => {
  it.each([
    ['opaque pagination token', 'a.js', 'params = { NextContinuationToken: "1w41l63U0xa8q7smH50vCxyTQ" }', '1w41l63U0xa8q7smH50vCxyTQ'],
    ['idempotency token', 'a.json', '{"ClientRequestToken": "9f86d081884c7d659a2feaa0"}', '9f86d081884c7d659a2feaa0'],
    ['webhook nonce', 'hook.py', 'data = {"token": "c06a0a2f3c8b1e5d9a7f6e4b2d", "timestamp": "1529006854", "signature": "a2f5"}', 'c06a0a2f3c8b1e5d9a7f6e4b2d'],
    ['enum member', 'enums.js', '    PASSWORD: "PASSWORD",', 'PASSWORD'],
    ['variable reference in source', 'client.js', 'const credential = credentialOrOptions2;', 'credentialOrOptions2'],
    ['type annotation in a declaration file', 'models.d.ts', '  apiKey: SensitiveString;', 'SensitiveString'],
    ['comparison with a property in minified code', 'chunk.js', 'e.ownPass===t.ownPass2&&x', 't.ownPass2'],
    ['the rest of a strict comparison in minified code', 'chunk.js', '"password"===elem.type)', '=elem.type'],
    ['an assignment expression', 'chunk.js', 'x.lastPass=didSchedule=!0;', 'didSchedule=!0'],
    ['a glob of words', 'smb.conf', ';*passwd:*all*authentication*tokens*updated*successfully*', '*all*authentication*tokens*updated*successfully*'],
    ['secret inside an ARN', 'cfg.yaml', 'source: arn:aws:secretsmanager:us-east-1:123456789012:secret:prod-db', 'prod-db'],
    ['user name of a tuple', 'a.py', 'user, password = "wile", "coyote"', 'wile'],
  ])('%s', (_, path, text, value) => {
    expect(judge(path, text, value)).toBe(true);
  });

  it.each([
    ['session token', 'a.js', 'sessionToken: "Fw0GZ9IvYXdzEJrwEaDM3Z8Lq"', 'Fw0GZ9IvYXdzEJrwEaDM3Z8Lq'],
    ['token without a signature nearby', 'a.py', 'data = {"token": "c06a0a2f3c8b1e5d9a7f6e4b2d", "timestamp": "1529006854"}', 'c06a0a2f3c8b1e5d9a7f6e4b2d'],
    ['lower-case value equal to the name (a default credential)', 'a.env', 'password=password', 'password'],
    ['unquoted value in a config file', '.env', 'API_TOKEN=credentialOrOptions2', 'credentialOrOptions2'],
    ['password of a tuple', 'a.py', 'user, password = "wile", "coyote"', 'coyote'],
  ])('not: %s', (_, path, text, value) => {
    expect(judge(path, text, value)).toBe(false);
  });
});

describe('the matcher', () => {
  it('reports the password of a tuple assignment, not the user name', () => {
    const findings = scan('app/client.py', 'user, password = "wile", "coyote"\n');
    expect(findings.map((f) => [f.ruleId, f.startColumn])).toEqual([['generic.password-tuple-assignment', 27]]);
  });

  it('reports one finding per secret per line', () => {
    const findings = scan('app/settings.py', 'DB_PASSWORD = "Tr0ub4dor3"; BACKUP_PASSWORD = "Tr0ub4dor3"\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.startColumn).toBe(16);
  });

  it('keeps a JSON flow value: booleans and null before a comma are not passwords', () => {
    expect(scan('config/app.conf', '"promptForPass": false,\n"password": null,\n')).toEqual([]);
    expect(scan('config/app.conf', 'password: Tr0ub4dor3,\n')).toHaveLength(1);
  });
});

describe('unquoted values in source files', () => {
  it('keeps a random token that is shaped like an identifier', () => {
    expect(judge('src/app.ts', 'MY_TOKEN=Zx81kQm2Lp9Wr4Tn', 'Zx81kQm2Lp9Wr4Tn')).toBe(false);
  });
});

describe('name/value entries', () => {
  it('are judged by context too: a code reference as the value in a bundle is not a credential', () => {
    const line = 'this._mutableCookies.set({name:api_utils.COOKIE_NAME_BYPASS_TOKEN,value:this.previewModeIdentifier,httpOnly:!0})\n';
    expect(scan('dist/server/draft-mode-provider.js', line)).toEqual([]);
    expect(scan('deploy/task.yaml', '- name: API_TOKEN\n  value: Zx81kQm2Lp9Wr4Tn\n').map((f) => f.ruleId)).toEqual(['name-value.env-entry']);
  });
});
