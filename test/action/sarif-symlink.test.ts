import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { makeActionCheckout, runAction } from './run-action.js';

let checkout: { dir: string; remove: () => Promise<void> };
beforeAll(async () => {
  checkout = await makeActionCheckout();
});
afterAll(() => checkout.remove());

/** A pushed commit that adds a secret and a `results.sarif` symlink to a file outside the workspace. */
async function workspaceWithLink(linkPath: string, target: string): Promise<{ workspace: string; before: string; after: string }> {
  const workspace = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
  await writeFile(join(workspace, 'app.js'), `k = "${FAKE.stripe}";\n`);
  await symlink(target, join(workspace, linkPath));
  git(workspace, ['add', '-A']);
  git(workspace, ['commit', '-q', '-m', 'add']);
  const [after = '', before = ''] = git(workspace, ['rev-list', '-n', '2', 'HEAD']).trim().split('\n');
  return { workspace, before, after };
}

describe('the action writes its SARIF without following a symlink the commit planted', () => {
  it.each([
    ['the SARIF file itself', 'results.sarif', 'results.sarif'],
    ['a directory on its path', 'reports', 'reports/results.sarif'],
  ])('%s: the file outside is untouched and the step fails', async (_name, linkPath, sarifFile) => {
    const outside = await makeTempDir();
    await writeFile(join(outside, 'results.sarif'), 'precious\n');
    const target = linkPath === 'reports' ? outside : join(outside, 'results.sarif');
    const { workspace, before, after } = await workspaceWithLink(linkPath, target);
    const payload = { ref: 'refs/heads/main', before, after, created: false, deleted: false, forced: false, repository: { full_name: 'acme/app', default_branch: 'main' } };
    const result = await runAction({ checkout: checkout.dir, eventName: 'push', payload, workspace, inputs: { 'sarif-file': sarifFile } });
    expect(await readFile(join(outside, 'results.sarif'), 'utf8')).toBe('precious\n');
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('symbolic link');
  });
});
