import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { bareOrigin, cloneWorkspace } from './origin-fixture.js';
import { makeActionCheckout, runAction } from './run-action.js';

const ZERO = '0'.repeat(40);

let checkout: { dir: string; remove: () => Promise<void> };
beforeAll(async () => {
  checkout = await makeActionCheckout();
});
afterAll(() => checkout.remove());

function pushPayload(before: string, after: string, ref = 'refs/heads/feature', forced = false): unknown {
  return { ref, before, after, created: before === ZERO, deleted: after === ZERO, forced, repository: { full_name: 'acme/app', default_branch: 'main' } };
}

/** An origin whose main has a secret in old.js, and a branch `feature` adding new.js with another. */
async function originWithFeature(): Promise<{ origin: string; after: string }> {
  const source = await createRepo({ commits: [{ files: { 'README.md': '# app\n' } }, { files: { 'old.js': `k = "${FAKE.stripeOther}";\n` } }] });
  git(source, ['checkout', '-q', '-b', 'feature']);
  await writeFile(join(source, 'new.js'), `k = "${FAKE.stripe}";\n`);
  git(source, ['add', 'new.js']);
  git(source, ['commit', '-q', '-m', 'add new.js']);
  return { origin: await bareOrigin(source), after: git(source, ['rev-parse', 'HEAD']).trim() };
}

function annotatedFiles(stdout: string): string[] {
  return [...stdout.matchAll(/^::(?:error|warning|notice) [^:]*file=([^,]+),/gm)].map((match) => match[1] ?? '');
}

describe('the action on a push', () => {
  it('scans before..after: only the pushed commits', async () => {
    const workspace = await createRepo({ commits: [{ files: { 'old.js': `k = "${FAKE.stripeOther}";\n` } }, { files: { 'new.js': `k = "${FAKE.stripe}";\n` } }] });
    const [after = '', before = ''] = git(workspace, ['rev-list', '-n', '2', 'HEAD']).trim().split('\n');
    const result = await runAction({ checkout: checkout.dir, eventName: 'push', payload: pushPayload(before, after), workspace });
    expect(result.code).toBe(1);
    expect(annotatedFiles(result.stdout)).toEqual(['new.js']);
    expect(result.stdout + result.summary).not.toContain(FAKE.stripe);
  });

  it('scans a new branch (before is all zeros) against the default branch, fetching it into a shallow single-branch clone', async () => {
    const { origin, after } = await originWithFeature();
    // actions/checkout on a push: one commit of the pushed branch, no other branch.
    const workspace = await cloneWorkspace(origin, ['--depth', '1', '--branch', 'feature', '--single-branch']);
    const result = await runAction({ checkout: checkout.dir, eventName: 'push', payload: pushPayload(ZERO, after), workspace });
    expect(result.stdout).toContain('+refs/heads/main:refs/remotes/origin/main');
    expect(result.stdout).toContain('not on origin/main');
    expect(result.code).toBe(1);
    expect(annotatedFiles(result.stdout)).toEqual(['new.js']);
  });

  it('scans a force push whose old tip is gone like a new branch', async () => {
    const { origin, after } = await originWithFeature();
    const workspace = await cloneWorkspace(origin, ['--branch', 'feature']);
    const result = await runAction({ checkout: checkout.dir, eventName: 'push', payload: pushPayload('f'.repeat(40), after, 'refs/heads/feature', true), workspace });
    expect(result.stdout).toContain('not on origin/main');
    expect(result.code).toBe(1);
    expect(annotatedFiles(result.stdout)).toEqual(['new.js']);
  });

  it('audits the history when the default branch itself is pushed for the first time', async () => {
    const workspace = await createRepo({ commits: [{ files: { 'a.js': `k = "${FAKE.stripe}";\n` } }, { files: { 'a.js': 'k = process.env.KEY;\n' } }] });
    const after = git(workspace, ['rev-parse', 'HEAD']).trim();
    const result = await runAction({ checkout: checkout.dir, eventName: 'push', payload: pushPayload(ZERO, after, 'refs/heads/main'), workspace });
    expect(result.stdout).toContain('scanning the history');
    expect(result.code).toBe(1);
    expect(annotatedFiles(result.stdout)).toEqual(['a.js']);
  });

  it('has nothing to scan when the push deleted a branch', async () => {
    const workspace = await createRepo({ commits: [{ files: { 'a.js': `k = "${FAKE.stripe}";\n` } }] });
    const before = git(workspace, ['rev-parse', 'HEAD']).trim();
    const result = await runAction({ checkout: checkout.dir, eventName: 'push', payload: pushPayload(before, ZERO), workspace });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('deleted a branch');
    expect(result.outputs).toEqual({ findings: '0' });
  });
});
