import { spawnSync } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo } from '../helpers/git-repo.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** An install of the bundled CLI (dist/cli, package.json, rules/) without the named worker script. */
async function installWithout(worker: string): Promise<string> {
  const dir = await makeTempDir('secretscan-install-');
  for (const entry of ['package.json', 'rules', join('dist', 'cli'), join('dist', 'rules.json')]) await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
  await rm(join(dir, 'dist', 'cli', worker));
  return join(dir, 'dist', 'cli', 'bin.mjs');
}

function run(bin: string, args: string[], cwd: string) {
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } });
}

// A worker that cannot load is a broken install: it fails the command (exit 3), never quietly
// times only part of a rule or matches on fewer threads than asked.
describe('a missing worker script', () => {
  it('fails `rules check` instead of skipping the timing', async () => {
    const bin = await installWithout('speed-worker.mjs');
    const result = run(bin, ['rules', 'check'], ROOT);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('the rule timing worker is missing');
  });

  it('fails a history scan on worker threads instead of matching on this thread', async () => {
    const bin = await installWithout('scan-worker.mjs');
    const repo = await createRepo({ commits: [{ files: { 'a.js': `k = "${FAKE.stripe}";\n` } }] });
    const threaded = run(bin, ['scan', '--history', '--threads', '1'], repo);
    expect(threaded.status).toBe(3);
    expect(threaded.stderr).toContain('the matching worker is missing');
    expect(threaded.stdout + threaded.stderr).not.toContain(FAKE.stripe);
    expect(run(bin, ['scan', '--history', '--threads', '0'], repo).status).toBe(1);
  });
});
