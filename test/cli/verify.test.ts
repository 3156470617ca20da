import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_ENV, spawnCli } from '../adversarial/spawn-cli.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeCertificates, removeCertificates, startListener, startProxy, startStandIn, type StandInServer, type TestCertificates } from '../helpers/verify-stand-in.js';

// `--verify` end to end, as users run it: the built CLI, spawned, trusts the test CA through
// NODE_EXTRA_CA_CERTS and reaches the local stand-in through SECRETSCAN_VERIFY_REDIRECT. The
// stand-in accepts one Stripe key (live) and rejects any other (revoked).
const HOST = 'api.stripe.com';
let certs: TestCertificates;
let server: StandInServer;

beforeAll(async () => {
  certs = makeCertificates([HOST]);
  server = await startStandIn(certs);
  server.handler = (request) => (request.headers.authorization === `Bearer ${FAKE.stripe}` ? { status: 200, body: '{"object":"balance"}' } : { status: 401, body: '{"error":{"type":"invalid_request_error"}}' });
});

afterAll(async () => {
  await server.close();
  removeCertificates(certs);
});

const envFor = (extra: Record<string, string> = {}) => ({ ...MINIMAL_ENV, NODE_EXTRA_CA_CERTS: certs.caFile, SECRETSCAN_VERIFY_REDIRECT: `${HOST}=127.0.0.1:${server.port}`, ...extra });
const spawnScan = (args: string[], cwd: string, env: NodeJS.ProcessEnv = envFor()) => spawnCli(args, { cwd, budgetMs: 60_000, extra: { env } });

function repoWith(files: Record<string, string>, config?: string) {
  return createRepo({ commits: [{ files: { ...files, ...(config === undefined ? {} : { '.secretscan.yaml': config }) } }] });
}

describe('scan --verify', () => {
  it('reports live and revoked keys in JSON, counts them, and never prints a value', async () => {
    const repo = await repoWith({ 'live.js': `const key = '${FAKE.stripe}';\n`, 'old.js': `const key = '${FAKE.stripeOther}';\n` });
    const run = await spawnScan(['scan', '--verify', '--format', 'json', '--debug'], repo);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { path: string; verification?: { status: string; detail: string; checkedAt: string } }[]; verification: unknown };
    const byPath = Object.fromEntries(report.findings.map((f) => [f.path, f.verification]));
    expect(byPath['live.js']).toMatchObject({ status: 'live', detail: 'HTTP 200 from api.stripe.com: accepted' });
    expect(byPath['old.js']).toMatchObject({ status: 'revoked', detail: 'HTTP 401 from api.stripe.com: rejected' });
    expect(report.verification).toEqual({ live: 1, revoked: 1, unknown: 0 });
    for (const value of [FAKE.stripe, FAKE.stripeOther]) {
      expect(run.stdout).not.toContain(value);
      expect(run.stderr).not.toContain(value);
    }
    expect(run.stderr).toMatch(/verify: stripe\.secret-key v1:[0-9a-f]+: live/);
  });

  it('--fail-on live exits 1 only when a key is live', async () => {
    const revokedOnly = await repoWith({ 'old.js': `const key = '${FAKE.stripeOther}';\n` });
    const clean = await spawnScan(['scan', '--verify', '--fail-on', 'live'], revokedOnly);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/revoked/);
    expect(clean.stdout).toContain('Verified with the providers: 0 live, 1 revoked, 0 unknown.');
    const live = await repoWith({ 'live.js': `const key = '${FAKE.stripe}';\n` });
    expect((await spawnScan(['scan', '--verify', '--fail-on', 'live'], live)).code).toBe(1);
  });

  it('--fail-on live without verification is a usage error', async () => {
    const repo = await repoWith({ 'live.js': `const key = '${FAKE.stripe}';\n` });
    const run = await runCli(['scan', '--fail-on', 'live'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--fail-on live needs verification/);
  });

  it("honours HTTPS_PROXY: the request goes through the proxy's CONNECT tunnel to the provider host", async () => {
    const proxy = await startProxy(server.port);
    try {
      const repo = await repoWith({ 'live.js': `const key = '${FAKE.stripe}';\n` });
      const env = { ...MINIMAL_ENV, NODE_EXTRA_CA_CERTS: certs.caFile, HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` };
      const run = await spawnScan(['scan', '--verify', '--format', 'json'], repo, env);
      expect(JSON.parse(run.stdout).findings[0].verification.status).toBe('live');
      expect(proxy.targets).toEqual([`${HOST}:443`]);
    } finally {
      await proxy.close();
    }
  });

  it('gives unknown, not a crash, when the provider cannot be reached', async () => {
    const listener = await startListener();
    try {
      const repo = await repoWith({ 'live.js': `const key = '${FAKE.stripe}';\n` });
      const run = await spawnScan(['scan', '--verify', '--format', 'json'], repo, envFor({ SECRETSCAN_VERIFY_REDIRECT: `${HOST}=127.0.0.1:${listener.port}` }));
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout).findings[0].verification).toMatchObject({ status: 'unknown', detail: expect.stringMatching(/^no answer from api\.stripe\.com: /) });
    } finally {
      await listener.close();
    }
  });

  it('refuses a malformed SECRETSCAN_VERIFY_REDIRECT with exit 2', async () => {
    const repo = await repoWith({ 'live.js': `const key = '${FAKE.stripe}';\n` });
    const run = await runCli(['scan', '--verify'], { cwd: repo, env: { SECRETSCAN_VERIFY_REDIRECT: 'api.stripe.com' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/SECRETSCAN_VERIFY_REDIRECT: "api.stripe.com" is not host=ADDRESS:PORT/);
  });
});

describe('remediate --verify', () => {
  it("puts the provider's answer into each plan's rotate step, asking once per secret across its scans", async () => {
    const repo = await repoWith({ 'live.js': `const key = '${FAKE.stripe}';\n`, 'old.js': `const key = '${FAKE.stripeOther}';\n` });
    const before = server.requests.length;
    const run = await spawnScan(['remediate', '--verify'], repo);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/Still accepted by the provider at \d{4}-\d\d-\d\dT[\d:.]+Z: rotate now\./);
    expect(run.stdout).toMatch(/Rejected by the provider at \d{4}-\d\d-\d\dT[\d:.]+Z: already rotated, purge history\./);
    // The working tree and history scans both find each key; each key is sent once.
    expect(server.requests.length - before).toBe(2);
    const json = await spawnScan(['remediate', '--verify', '--format', 'json'], repo);
    const statuses = (JSON.parse(json.stdout) as { secrets: { path: string; verification: { status: string } }[] }).secrets.map((s) => [s.path, s.verification.status]);
    expect(statuses.sort()).toEqual([
      ['live.js', 'live'],
      ['old.js', 'revoked'],
    ]);
    expect(run.stdout + json.stdout).not.toContain(FAKE.stripe);
  });
});

describe('no verification unless asked', () => {
  it('scan without --verify makes no network connection', async () => {
    const listener = await startListener();
    try {
      const repo = await repoWith({ 'live.js': `const key = '${FAKE.stripe}';\n` });
      const run = await spawnScan(['scan', '--format', 'json'], repo, envFor({ SECRETSCAN_VERIFY_REDIRECT: `${HOST}=127.0.0.1:${listener.port}`, HTTPS_PROXY: `http://127.0.0.1:${listener.port}` }));
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout).findings[0].verification).toBeUndefined();
      expect(listener.connections()).toBe(0);
    } finally {
      await listener.close();
    }
  });

  it('the pre-commit scan verifies when the config says verify: true, and --no-verify turns it off', async () => {
    const repo = await createRepo({ commits: [{ files: { '.secretscan.yaml': 'verify: true\n' } }], staged: { 'live.js': `const key = '${FAKE.stripe}';\n` } });
    const before = server.requests.length;
    const hook = await spawnScan(['scan', '--staged', '--format', 'json'], repo);
    expect(JSON.parse(hook.stdout).findings[0].verification.status).toBe('live');
    expect(server.requests.length).toBe(before + 1);
    const off = await spawnScan(['scan', '--staged', '--no-verify', '--format', 'json'], repo);
    expect(JSON.parse(off.stdout).findings[0].verification).toBeUndefined();
    expect(server.requests.length).toBe(before + 1);
  });

  it('the pre-commit scan does not verify without the config', async () => {
    const listener = await startListener();
    try {
      const repo = await createRepo({ staged: { 'live.js': `const key = '${FAKE.stripe}';\n` } });
      await spawnScan(['scan', '--staged'], repo, envFor({ SECRETSCAN_VERIFY_REDIRECT: `${HOST}=127.0.0.1:${listener.port}` }));
      expect(listener.connections()).toBe(0);
    } finally {
      await listener.close();
    }
  });

  it('refuses a verifier on a custom rule in the config', async () => {
    const config = [
      'rules:',
      '  custom:',
      '    - provider: { id: acme, name: Acme, remediation: { rotateUrl: "https://acme.example/keys", steps: [Roll it.] } }',
      '      rules:',
      '        - id: acme.key',
      '          name: Acme key',
      '          description: An Acme key.',
      '          severity: high',
      "          pattern: '\\bacme_[a-z0-9]{20}\\b'",
      '          keywords: [acme_]',
      '          references: ["https://acme.example"]',
      '          tags: [test]',
      '          examples: [acme_abcdefghij0123456789, "k = acme_zyxwvutsrq9876543210"]',
      '          negativeExamples: [acme_short]',
      '          verify: { requests: [{ method: GET, url: "https://api.stripe.com/v1/balance", headers: { Authorization: "Bearer {{secret}}" } }], live: { status: [200] }, revoked: { status: [401] } }',
      '',
    ].join('\n');
    const repo = await repoWith({ 'a.txt': 'nothing\n' }, config);
    const run = await runCli(['scan', '--verify'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/acme\.key: custom rules cannot have a verifier/);
  });
});
