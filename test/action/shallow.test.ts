import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { bareOrigin, checkoutLikeActions, cloneWorkspace } from './origin-fixture.js';
import { makeActionCheckout, runAction } from './run-action.js';

let checkout: { dir: string; remove: () => Promise<void> };
beforeAll(async () => {
  checkout = await makeActionCheckout();
});
afterAll(() => checkout.remove());

/** Main: a README, a secret added (the PR's base is the commit before it), then five more commits. */
async function historyWithSecret(): Promise<{ source: string; base: string; head: string }> {
  const commits = [{ files: { 'README.md': '# app\n' } }, { files: { 'config.js': `k = "${FAKE.stripe}";\n` } }, ...[1, 2, 3, 4, 5].map((n) => ({ files: { [`file${n}.txt`]: `${n}\n` } }))];
  const source = await createRepo({ commits });
  const [head = '', base = ''] = [git(source, ['rev-parse', 'HEAD']).trim(), git(source, ['rev-parse', 'HEAD~6']).trim()];
  return { source, base, head };
}

function prPayload(base: string, head: string): unknown {
  return { pull_request: { number: 1, base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: head } }, repository: { default_branch: 'main' } };
}

describe('the action in a shallow clone', () => {
  it('deepens a depth-1 clone until the pull request base is there, then finds the secret', async () => {
    const { source, base, head } = await historyWithSecret();
    const workspace = await cloneWorkspace(await bareOrigin(source), ['--depth', '1']);
    expect(git(workspace, ['rev-parse', '--is-shallow-repository']).trim()).toBe('true');
    const result = await runAction({ checkout: checkout.dir, eventName: 'pull_request', payload: prPayload(base, head), workspace });
    expect(result.stdout).toContain('git fetch --no-tags --deepen=50 origin');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error .*file=config\.js,line=1,/m);
    expect(result.outputs.findings).toBe('1');
  });

  it('fetches base and head of a pull request checked out as actions/checkout does (the merge commit, depth 1)', async () => {
    const source = await createRepo({ commits: [{ files: { 'README.md': '# app\n' } }] });
    git(source, ['checkout', '-q', '-b', 'feature']);
    await writeFile(join(source, 'config.js'), `k = "${FAKE.stripe}";\n`);
    git(source, ['add', 'config.js']);
    git(source, ['commit', '-q', '-m', 'feature']);
    const head = git(source, ['rev-parse', 'HEAD']).trim();
    git(source, ['checkout', '-q', 'main']);
    git(source, ['commit', '-q', '--allow-empty', '-m', 'main moves on']);
    const base = git(source, ['rev-parse', 'HEAD']).trim();
    git(source, ['merge', '-q', '--no-ff', '-m', 'merge', 'feature']);
    const merge = git(source, ['rev-parse', 'HEAD']).trim();
    git(source, ['reset', '-q', '--hard', base]);
    const origin = await bareOrigin(source);
    // A fork's pull request: its head is only under refs/pull/, like GitHub's.
    git(origin, ['update-ref', 'refs/pull/1/head', head]);
    git(origin, ['update-ref', 'refs/pull/1/merge', merge]);
    git(origin, ['branch', '-D', 'feature']);
    const workspace = await checkoutLikeActions(origin, 'refs/pull/1/merge');
    const result = await runAction({ checkout: checkout.dir, eventName: 'pull_request', payload: prPayload(base, head), workspace });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error .*file=config\.js,line=1,/m);
    expect(result.outputs.findings).toBe('1');
  });

  it('fetches a pull request head by its sha when a complete clone lacks it (pull_request_target checks out the base)', async () => {
    const { source, base, head } = await historyWithSecret();
    git(source, ['reset', '-q', '--hard', base]);
    const origin = await bareOrigin(source);
    git(origin, ['update-ref', 'refs/pull/1/head', head]);
    const workspace = await cloneWorkspace(origin);
    expect(git(workspace, ['cat-file', '-t', base]).trim()).toBe('commit');
    const result = await runAction({ checkout: checkout.dir, eventName: 'pull_request_target', payload: prPayload(base, head), workspace });
    expect(result.stdout).toContain(`git fetch --no-tags origin ${head}`);
    expect(result.stdout).not.toContain('--deepen');
    expect(result.code).toBe(1);
    expect(result.outputs.findings).toBe('1');
  });

  it('fails with the fetch-depth: 0 advice when the base can never be found', async () => {
    const { source, head } = await historyWithSecret();
    const workspace = await cloneWorkspace(await bareOrigin(source), ['--depth', '1']);
    const missing = 'e'.repeat(40);
    const result = await runAction({ checkout: checkout.dir, eventName: 'pull_request', payload: prPayload(missing, head), workspace });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::secretscan: cannot scan eeeeeeeeeeee\.\.[0-9a-f]{12}: the commits are not in this clone and could not be fetched from origin \(set `fetch-depth: 0` on actions\/checkout/m);
    expect(result.outputs).toEqual({});
  });
});
