import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { bareOrigin, cloneWorkspace } from './origin-fixture.js';
import { makeActionCheckout, runAction } from './run-action.js';

let checkout: { dir: string; remove: () => Promise<void> };
beforeAll(async () => {
  checkout = await makeActionCheckout();
});
afterAll(() => checkout.remove());

const SCHEDULE_PAYLOAD = { schedule: '17 3 * * 1', repository: { full_name: 'acme/app', default_branch: 'main' } };

/** A secret committed, then removed again: only the history still holds it. */
function removedSecret(): Promise<string> {
  return createRepo({ commits: [{ files: { 'app.js': `k = "${FAKE.stripe}";\n` } }, { files: { 'app.js': 'k = process.env.STRIPE_KEY;\n' } }] });
}

describe('the action on other events and with the paths and scan inputs', () => {
  it('audits the whole history on a schedule, finding a secret that is no longer in the tree', async () => {
    const result = await runAction({ checkout: checkout.dir, eventName: 'schedule', payload: SCHEDULE_PAYLOAD, workspace: await removedSecret() });
    expect(result.stdout).toContain('scanning the history');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error .*file=app\.js,line=1,.*no longer in the current tree, but still in the history/m);
    expect(result.stdout + result.summary).not.toContain(FAKE.stripe);
  });

  it('warns that a history audit of a shallow clone covers only what was fetched', async () => {
    const workspace = await cloneWorkspace(await bareOrigin(await removedSecret()), ['--depth', '1']);
    const result = await runAction({ checkout: checkout.dir, eventName: 'schedule', payload: SCHEDULE_PAYLOAD, workspace });
    expect(result.stdout).toMatch(/^::warning::secretscan: this clone is shallow, .*fetch-depth: 0/m);
    expect(result.code).toBe(0);
  });

  it('audits the history on workflow_dispatch too', async () => {
    const result = await runAction({ checkout: checkout.dir, eventName: 'workflow_dispatch', payload: { inputs: {} }, workspace: await removedSecret() });
    expect(result.code).toBe(1);
    expect(result.outputs.findings).toBe('1');
  });

  it('scans only the given paths in the working tree when paths is set, whatever the event', async () => {
    const workspace = await createRepo({ commits: [{ files: { 'a.js': `k = "${FAKE.stripe}";\n`, 'lib/b.js': `k = "${FAKE.stripeOther}";\n`, 'lib/c.js': '1\n' } }] });
    const head = git(workspace, ['rev-parse', 'HEAD']).trim();
    const payload = { pull_request: { base: { sha: head }, head: { sha: head } } };
    const result = await runAction({ checkout: checkout.dir, eventName: 'pull_request', payload, workspace, inputs: { paths: 'lib/b.js  lib/c.js' } });
    expect(result.code).toBe(1);
    expect([...result.stdout.matchAll(/file=([^,]+),/g)].map((match) => match[1])).toEqual(['lib/b.js']);
  });

  it('scans the working tree with scan: tree, and the history with scan: history on a pull request', async () => {
    const workspace = await removedSecret();
    const head = git(workspace, ['rev-parse', 'HEAD']).trim();
    const payload = { pull_request: { base: { sha: head }, head: { sha: head } } };
    expect((await runAction({ checkout: checkout.dir, eventName: 'pull_request', payload, workspace, inputs: { scan: 'tree' } })).code).toBe(0);
    expect((await runAction({ checkout: checkout.dir, eventName: 'pull_request', payload, workspace, inputs: { scan: 'history' } })).code).toBe(1);
  });

  it('refuses scan: range on an event without a range', async () => {
    const result = await runAction({ checkout: checkout.dir, eventName: 'schedule', payload: SCHEDULE_PAYLOAD, workspace: await removedSecret(), inputs: { scan: 'range' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::secretscan: scan: range needs a pull_request, .* event, but this run's event is "schedule"/m);
  });
});
