import { createHash, scryptSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, redact, secretIdOf } from '../../src/findings/index.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const sha = (parts: string[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
};

describe('previews of short values', () => {
  it('show no character below 16 characters, the first 4 from 16 on', () => {
    expect(redact('s3cr3t')).toBe('…(6)');
    expect(redact('fifteen-chars!!')).toBe('…(15)');
    expect(redact('sixteen-chars!!!')).toBe('sixt…(16)');
  });
});

describe('secret ids and fingerprints', () => {
  it('of a value under 32 characters are v2: SHA-256 over scrypt (N=2048, r=8) with a fixed salt: stable everywhere', () => {
    const stretched = scryptSync('s3cr3t', 'secretscan secret-id v2', 32, { N: 2048, r: 8, p: 1 }).toString('hex');
    const id = `v2:${sha(['generic.password', stretched])}`;
    expect(secretIdOf('generic.password', 's3cr3t')).toBe(id);
    expect(fingerprintOf('generic.password', 'a.env', 's3cr3t')).toBe(`v2:${sha(['generic.password', 'a.env', id])}`);
    // A constant, so a change of scheme (which would break every baseline) fails here.
    expect(id).toBe('v2:07f5bde7caeb365132d8719e1ccf7664');
  });

  it('of a value of 32 characters or more keep the v1 scheme, so existing baselines of tokens still match', () => {
    const token = ['sk', 'live', 'Q7b9ZxW2kLm4Np8Rt6Yv3Hs1'].join('_');
    const id = `v1:${sha(['stripe.secret-key', token])}`;
    expect(secretIdOf('stripe.secret-key', token)).toBe(id);
    expect(fingerprintOf('stripe.secret-key', 'a.js', token)).toBe(`v1:${sha(['stripe.secret-key', 'a.js', id])}`);
  });

  it('a report of a short password shows none of its characters', async () => {
    const dir = await makeTempDir();
    const password = ['Zq', '7w', 'Kp'].join('');
    await writeFile(join(dir, 'config.yml'), `db:\n  password: "${password}"\n`);
    for (const format of ['json', 'sarif', 'text']) {
      const run = await runCli(['scan', '--format', format], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('…(6)');
      expect(run.stdout).not.toMatch(/Zq|7w|Kp/);
    }
  });
});
