import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/engine/index.js';
import { isFillerKeyBody, isKeyBlock } from '../../src/engine/key-block.js';
import { loadBuiltinRules } from '../../src/rules/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const { rules } = await loadBuiltinRules();
const matcher = createMatcher(rules);

function ruleIdsIn(text: string, path = 'deploy/server.key'): string[] {
  return matcher.scanChunk({ origin: 'tree', path, text, startLine: 1 }).findings.map((f) => f.ruleId);
}

function opensslKey(args: string[]): string {
  return execFileSync('openssl', ['genpkey', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Overwrites four characters in the middle of the body's third line: still well-formed base64. */
function withRunInBody(pem: string, run: string): string {
  const lines = pem.split('\n');
  const line = lines[3] as string;
  lines[3] = line.slice(0, 20) + run + line.slice(20 + run.length);
  return lines.join('\n');
}

async function sshKey(dir: string, comment: string): Promise<{ privateKey: string; publicKey: string }> {
  const file = join(dir, 'id_ed25519');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file], { stdio: 'ignore' });
  return { privateKey: await readFile(file, 'utf8'), publicKey: await readFile(`${file}.pub`, 'utf8') };
}

describe('placeholder words never judge a key body', () => {
  const rsa = opensslKey(['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
  const ec = opensslKey(['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']);

  it.each(['xxxx', 'XxXx', 'XXXX', 'dummy', 'Example'])('a generated RSA key whose body holds %s is found', (run) => {
    expect(ruleIdsIn(withRunInBody(rsa, run))).toContain('private-key.pem');
  });

  it('a generated EC key whose body holds xXxX is found, also inside a JSON string', () => {
    const key = withRunInBody(ec, 'xXxX');
    expect(ruleIdsIn(key)).toContain('private-key.pem');
    const json = JSON.stringify({ type: 'service_account', private_key: key, client_email: 'ci@acme-prod.iam.gserviceaccount.com' });
    expect(ruleIdsIn(json, 'keys/sa.json').length).toBeGreaterThan(0);
  });

  it('a generated OpenSSH key with the comment dummy-key is found', async () => {
    const { privateKey } = await sshKey(await makeTempDir(), 'dummy-key');
    expect(ruleIdsIn(privateKey, 'id_ed25519')).toContain('private-key.openssh');
  });

  it('a PuTTY key file with Comment: dummy-key is found', async () => {
    const { publicKey } = await sshKey(await makeTempDir(), 'x');
    const wrap = (b64: string): string[] => b64.match(/.{1,64}/g) ?? [];
    const publicLines = wrap(publicKey.split(' ')[1] as string);
    const privateLines = wrap(randomBytes(48).toString('base64'));
    const ppk = [
      'PuTTY-User-Key-File-3: ssh-ed25519',
      'Encryption: none',
      'Comment: dummy-key',
      `Public-Lines: ${publicLines.length}`,
      ...publicLines,
      `Private-Lines: ${privateLines.length}`,
      ...privateLines,
      `Private-MAC: ${randomBytes(32).toString('hex')}`,
      '',
    ].join('\n');
    expect(ruleIdsIn(ppk, 'keys/deploy.ppk')).toContain('private-key.putty');
  });

  it('a key body of filler is still no finding', () => {
    const lines = rsa.split('\n');
    const filler = lines.map((line, i) => (i > 0 && i < lines.length - 2 ? 'x'.repeat(line.length) : line)).join('\n');
    expect(ruleIdsIn(filler)).toEqual([]);
    const redacted = lines.map((line, i) => (i > 3 && i < lines.length - 2 ? 'X'.repeat(line.length) : line)).join('\n');
    expect(ruleIdsIn(redacted)).toEqual([]);
  });
});

describe('isFillerKeyBody', () => {
  it('keeps generated keys, whose DER gives runs of A', async () => {
    const { privateKey } = await sshKey(await makeTempDir(), 'ci');
    expect(privateKey).toMatch(/AAAAAAAA/);
    expect(isKeyBlock(privateKey)).toBe(true);
    expect(isFillerKeyBody(privateKey)).toBe(false);
  });

  it('drops repeated text', () => {
    expect(isFillerKeyBody(`-----BEGIN PRIVATE KEY-----\n${'abab'.repeat(20)}\n-----END PRIVATE KEY-----`)).toBe(true);
  });

  it('is not asked about values that are not key blocks', () => {
    expect(isKeyBlock('xxxxxxxxxxxxxxxx')).toBe(false);
  });
});
