import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { makeCertificates, removeCertificates, startListener, startStandIn, type StandInServer, type TestCertificates } from '../helpers/verify-stand-in.js';
import { makeActionCheckout, runAction } from './run-action.js';

// The action's `verify` input and `fail-on: live`, run as the runner runs the bundle, against a
// local stand-in for api.stripe.com that accepts FAKE.stripe and rejects every other key.
const HOST = 'api.stripe.com';
let checkout: { dir: string; remove: () => Promise<void> };
let certs: TestCertificates;
let server: StandInServer;

beforeAll(async () => {
  checkout = await makeActionCheckout();
  certs = makeCertificates([HOST]);
  server = await startStandIn(certs);
  server.handler = (request) => ({ status: request.headers.authorization === `Bearer ${FAKE.stripe}` ? 200 : 401, body: '{}' });
});
afterAll(async () => {
  await checkout.remove();
  await server.close();
  removeCertificates(certs);
});

const payload = (before: string, after: string) => ({ ref: 'refs/heads/main', before, after, created: false, deleted: false, forced: false, repository: { full_name: 'acme/app', default_branch: 'main' } });

async function pushWith(files: Record<string, string>, config?: string) {
  const workspace = await createRepo({ commits: [{ files: { 'README.md': '# app\n', ...(config === undefined ? {} : { '.secretscan.yaml': config }) } }, { files }] });
  const [after = '', before = ''] = git(workspace, ['rev-list', '-n', '2', 'HEAD']).trim().split('\n');
  return { workspace, event: payload(before, after) };
}

const env = () => ({ NODE_EXTRA_CA_CERTS: certs.caFile, SECRETSCAN_VERIFY_REDIRECT: `${HOST}=127.0.0.1:${server.port}` });

describe('the action with verify', () => {
  it('fail-on: live passes when every found key is rejected, and the summary says so', async () => {
    const { workspace, event } = await pushWith({ 'old.js': `k = "${FAKE.stripeOther}";\n` });
    const result = await runAction({ checkout: checkout.dir, eventName: 'push', payload: event, workspace, inputs: { verify: 'true', 'fail-on': 'live' }, env: env() });
    expect(result.code, result.stdout).toBe(0);
    expect(result.summary).toContain('Verified with the providers: 0 live, 1 revoked, 0 unknown.');
    expect(result.outputs.findings).toBe('1');
  });

  it('fail-on: live fails on a key its provider still accepts', async () => {
    const { workspace, event } = await pushWith({ 'live.js': `k = "${FAKE.stripe}";\n` });
    const result = await runAction({ checkout: checkout.dir, eventName: 'push', payload: event, workspace, inputs: { verify: 'true', 'fail-on': 'live' }, env: env() });
    expect(result.code).toBe(1);
    expect(result.summary).toContain('**live**');
    expect(result.stdout + result.summary).not.toContain(FAKE.stripe);
  });

  it('makes no connection without the input or the config', async () => {
    const listener = await startListener();
    try {
      const { workspace, event } = await pushWith({ 'live.js': `k = "${FAKE.stripe}";\n` });
      const result = await runAction({ checkout: checkout.dir, eventName: 'push', payload: event, workspace, env: { ...env(), SECRETSCAN_VERIFY_REDIRECT: `${HOST}=127.0.0.1:${listener.port}` } });
      expect(result.code).toBe(1);
      expect(listener.connections()).toBe(0);
      expect(result.summary).not.toContain('Provider says');
    } finally {
      await listener.close();
    }
  });

  it("follows the config's verify: true, and fail-on: live without verification fails with the reason", async () => {
    const configured = await pushWith({ 'live.js': `k = "${FAKE.stripe}";\n` }, 'verify: true\n');
    const verified = await runAction({ checkout: checkout.dir, eventName: 'push', payload: configured.event, workspace: configured.workspace, env: env() });
    expect(verified.summary).toContain('Verified with the providers: 1 live, 0 revoked, 0 unknown.');
    const plain = await pushWith({ 'live.js': `k = "${FAKE.stripe}";\n` });
    const refused = await runAction({ checkout: checkout.dir, eventName: 'push', payload: plain.event, workspace: plain.workspace, inputs: { 'fail-on': 'live' }, env: env() });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/fail-on: live needs verification/);
  });
});
