import { spawnSync } from 'node:child_process';
import { chown, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo } from '../helpers/git-repo.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const BIN = fileURLToPath(new URL('../../dist/src/cli/bin.js', import.meta.url));
const isRoot = process.getuid?.() === 0;

async function chownTree(dir: string, uid: number): Promise<void> {
  const { readdir } = await import('node:fs/promises');
  await chown(dir, uid, uid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(path, uid);
    else await chown(path, uid, uid);
  }
}

// git refuses repositories owned by another user unless the user's own config trusts them
// (CI containers). The sealed environment must keep honouring that one setting.
it.runIf(isRoot)("honours the user's safe.directory for a repository owned by someone else", async () => {
  const repo = await createRepo({ commits: [{ files: { 'k.env': `K=${FAKE.stripe}\n` } }] });
  await chownTree(repo, 65534);
  const home = await makeTempDir();
  const scan = () => spawnSync(process.execPath, [BIN, 'scan', '--history', '--format', 'json'], { cwd: repo, env: { PATH: process.env.PATH, HOME: home }, encoding: 'utf8' });
  const refused = scan();
  expect(refused.status).toBe(2);
  expect(refused.stderr).toContain('owned by another user');
  expect(refused.stderr).toContain('safe.directory');
  await writeFile(join(home, '.gitconfig'), `[safe]\n\tdirectory = ${repo}\n`);
  const trusted = scan();
  expect(trusted.stderr).toBe('');
  expect(trusted.status).toBe(1);
});
