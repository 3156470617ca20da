import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/rules/index.js';
import { alteredValue, createVerifier, httpsTransport, PROVIDER_HOSTS, standInFor, verifierCasesOf, type Address } from '../../src/verify/index.js';
import { makeCertificates, removeCertificates, startStandIn, type StandInServer, type TestCertificates } from '../helpers/verify-stand-in.js';

// One live and one revoked case per example of every verified rule, over real HTTPS: each
// provider's host is redirected to a local stand-in whose certificate a test CA signed. The
// stand-in accepts exactly the request the verifier sends for the example's value and answers
// anything else as the provider answers a revoked secret. Case names never hold a value.
const { rules } = await loadBuiltinRules();
const HOSTS = [...new Set(Object.values(PROVIDER_HOSTS).flat())];
const verified = rules.filter((rule) => rule.spec.verify !== undefined && rule.spec.verify.unverifiable === undefined);
const unverifiable = rules.filter((rule) => rule.spec.verify?.unverifiable !== undefined);

let certs: TestCertificates;
let server: StandInServer;
let redirects: Map<string, Address>;

beforeAll(async () => {
  certs = makeCertificates(HOSTS);
  server = await startStandIn(certs);
  redirects = new Map(HOSTS.map((host) => [host, { host: '127.0.0.1', port: server.port }]));
});

afterAll(async () => {
  await server.close();
  removeCertificates(certs);
});

const verifier = () => createVerifier({ transport: httpsTransport({ redirects, ca: [certs.ca] }), perHostIntervalMs: 0 });

describe.each(verified.map((rule) => [rule.spec.id, rule] as const))('%s', (_id, rule) => {
  const cases = verifierCasesOf(rule, rules);
  it('has examples to verify with', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  it.each(cases.map((values, i) => [i, values] as const))('examples[%i]: live when the provider accepts it', async (_i, values) => {
    server.handler = standInFor(rule, values) ?? (() => ({ status: 500, body: '' }));
    const before = server.requests.length;
    const result = await verifier().verifyValues(rule, values, rules);
    expect(result.status, result.detail).toBe('live');
    expect(server.requests.length - before).toBe(1);
    const sent = server.requests.at(-1);
    expect(PROVIDER_HOSTS[rule.provider.id]).toContain(sent?.url.hostname);
    expect(result.detail).not.toContain(values.secret);
  });
  it.each(cases.map((values, i) => [i, values] as const))('examples[%i]: revoked when the provider rejects it', async (_i, values) => {
    server.handler = standInFor(rule, values) ?? (() => ({ status: 500, body: '' }));
    const altered = { ...values, secret: alteredValue(values.secret) };
    const result = await verifier().verifyValues(rule, altered, rules);
    expect(result.status, result.detail).toBe('revoked');
    expect(result.detail).not.toContain(altered.secret);
  });
});

describe.each(unverifiable.map((rule) => [rule.spec.id, rule] as const))('%s (not verifiable)', (_id, rule) => {
  it('is unknown with the reason, and sends nothing', async () => {
    const before = server.connections;
    const result = await verifier().verifyValues(rule, { secret: 'abc123', partners: new Map() }, rules);
    expect(result.status).toBe('unknown');
    expect(result.detail).toMatch(/^not verifiable: .{20,}/);
    expect(server.connections).toBe(before);
  });
});

it('covers the seed providers', () => {
  const providers = new Set(rules.filter((rule) => rule.spec.verify !== undefined).map((rule) => rule.provider.id));
  for (const id of ['unusual-whales', 'alpaca', 'stripe', 'tradestation']) expect(providers).toContain(id);
});
