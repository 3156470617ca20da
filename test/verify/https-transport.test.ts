import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsTransport, type HttpRequest } from '../../src/verify/index.js';
import { makeCertificates, removeCertificates, startProxy, startStandIn, type StandInServer, type TestCertificates } from '../helpers/verify-stand-in.js';

// The transport on real sockets: certificate checks, the redirect seam, HTTPS_PROXY's CONNECT
// tunnel, NO_PROXY, and failures that reject with a reason that holds no value sent.
const HOST = 'api.stripe.com';
const TOKEN = ['tk', 'transport', 'value', '0123456789'].join('_');

let certs: TestCertificates;
let otherCerts: TestCertificates;
let server: StandInServer;

beforeAll(async () => {
  certs = makeCertificates([HOST]);
  otherCerts = makeCertificates([HOST]);
  server = await startStandIn(certs);
  server.handler = (request) => ({ status: request.headers.authorization === `Bearer ${TOKEN}` ? 200 : 401, body: '{"ok":true}' });
});

afterAll(async () => {
  await server.close();
  removeCertificates(certs);
  removeCertificates(otherCerts);
});

const request = (): HttpRequest => ({ method: 'GET', url: new URL(`https://${HOST}/v1/balance?x=1`), headers: { authorization: `Bearer ${TOKEN}` } });
const redirect = () => new Map([[HOST, { host: '127.0.0.1', port: server.port }]]);

describe('httpsTransport', () => {
  it('sends to the redirect address with the provider host as TLS name and Host header', async () => {
    const response = await httpsTransport({ redirects: redirect(), ca: [certs.ca] })(request());
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ok: true });
    const seen = server.requests.at(-1);
    expect(seen?.headers.host).toBe(HOST);
    expect(seen?.url.pathname + (seen?.url.search ?? '')).toBe('/v1/balance?x=1');
  });

  it('refuses a certificate that no trusted CA signed, with a reason but no value', async () => {
    const error = await httpsTransport({ redirects: redirect(), ca: [otherCerts.ca] })(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).not.toContain(TOKEN);
    expect((error as { reason: string }).reason).toMatch(/CERT|SIGNATURE|ISSUER|self/i);
  });

  it('refuses a certificate for another name', async () => {
    const wrong = makeCertificates(['other.example.com']);
    const other = await startStandIn(wrong);
    try {
      const error = await httpsTransport({ redirects: new Map([[HOST, { host: '127.0.0.1', port: other.port }]]), ca: [wrong.ca] })(request()).catch((e: unknown) => e);
      expect((error as { reason: string }).reason).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
      removeCertificates(wrong);
    }
  });

  it('rejects on a refused connection and on a server that never answers', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await httpsTransport({ redirects: new Map([[HOST, { host: '127.0.0.1', port }]]) })(request()).catch((e: unknown) => e);
    expect((refused as { reason: string }).reason).toBe('ECONNREFUSED');
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const silentPort = (silent.address() as AddressInfo).port;
      const timedOut = await httpsTransport({ redirects: new Map([[HOST, { host: '127.0.0.1', port: silentPort }]]), timeoutMs: 300 })(request()).catch((e: unknown) => e);
      expect((timedOut as { reason: string }).reason).toBe('no answer within 0.3 s');
    } finally {
      silent.close();
    }
  });

  it('tunnels through HTTPS_PROXY with CONNECT to the provider host, and NO_PROXY bypasses it', async () => {
    const proxy = await startProxy(server.port);
    try {
      const url = new URL(`http://127.0.0.1:${proxy.port}`);
      const response = await httpsTransport({ proxy: { url, noProxy: [] }, ca: [certs.ca] })(request());
      expect(response.status).toBe(200);
      expect(proxy.targets).toEqual([`${HOST}:443`]);
      const bypassed = await httpsTransport({ proxy: { url, noProxy: ['.stripe.com'] }, redirects: redirect(), ca: [certs.ca] })(request());
      expect(bypassed.status).toBe(200);
      expect(proxy.targets).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});
