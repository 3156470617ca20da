import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpRequest, HttpResponse } from '../../src/verify/index.js';

/** A test CA and a server certificate it signed for `hosts` (openssl), as PEM text and files. */
export interface TestCertificates {
  dir: string;
  caFile: string;
  ca: string;
  key: string;
  cert: string;
}

/** Generates a CA and a leaf certificate for the given host names with openssl, in a temp dir. */
export function makeCertificates(hosts: readonly string[]): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'secretscan-ca-'));
  const at = (name: string): string => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  execFileSync('openssl', ['req', '-x509', ...ec, '-keyout', at('ca.key'), '-out', at('ca.pem'), '-days', '2', '-subj', '/CN=secretscan test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign'], {
    stdio: 'ignore',
  });
  execFileSync('openssl', ['req', ...ec, '-keyout', at('leaf.key'), '-out', at('leaf.csr'), '-subj', '/CN=stand-in'], { stdio: 'ignore' });
  writeFileSync(at('ext.cnf'), `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  execFileSync('openssl', ['x509', '-req', '-in', at('leaf.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at('leaf.pem'), '-days', '2', '-extfile', at('ext.cnf')], { stdio: 'ignore' });
  return { dir, caFile: at('ca.pem'), ca: readFileSync(at('ca.pem'), 'utf8'), key: readFileSync(at('leaf.key'), 'utf8'), cert: readFileSync(at('leaf.pem'), 'utf8') };
}

/** Removes the certificates' directory. */
export function removeCertificates(certs: TestCertificates): void {
  rmSync(certs.dir, { recursive: true, force: true });
}

/** A local HTTPS stand-in: answers each request with `handler`, and counts connections and requests. */
export interface StandInServer {
  port: number;
  handler: (request: HttpRequest) => HttpResponse;
  connections: number;
  requests: HttpRequest[];
  /** `host=127.0.0.1:PORT,…` for every host, as SECRETSCAN_VERIFY_REDIRECT takes it. */
  redirectFor: (hosts: readonly string[]) => string;
  close: () => Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
  });
}

/** Starts an HTTPS stand-in on 127.0.0.1 with the certificates' server certificate. */
export async function startStandIn(certs: TestCertificates): Promise<StandInServer> {
  const sockets = new Set<Socket>();
  const state: StandInServer = {
    port: 0,
    handler: () => ({ status: 500, body: '' }),
    connections: 0,
    requests: [],
    redirectFor: (hosts) => hosts.map((host) => `${host}=127.0.0.1:${state.port}`).join(','),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer({ key: certs.key, cert: certs.cert }, async (req, res) => {
    const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
    const body = await readBody(req);
    const request: HttpRequest = { method: req.method === 'POST' ? 'POST' : 'GET', url: new URL(`https://${headers.host ?? 'unknown'}${req.url ?? '/'}`), headers, ...(body === '' ? {} : { body }) };
    state.requests.push(request);
    const response = state.handler(request);
    res.writeHead(response.status, { 'content-type': 'application/json' });
    res.end(response.body);
  });
  server.on('connection', (socket: Socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  return state;
}

/** A plain TCP listener that only counts connections (proves that nothing connects). */
export async function startListener(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = createHttpServer((_req: IncomingMessage, res: ServerResponse) => res.end());
  server.on('connection', (socket: Socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, connections: () => count, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** An HTTP CONNECT proxy that tunnels every target to `port` on 127.0.0.1 and records what was asked for. */
export async function startProxy(port: number): Promise<{ port: number; targets: string[]; close: () => Promise<void> }> {
  const targets: string[] = [];
  const open = new Set<Socket>();
  const server = createHttpServer();
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    targets.push(req.url ?? '');
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    open.add(upstream).add(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      for (const socket of open) socket.destroy();
      server.close(() => resolve());
    });
  return { port: (server.address() as AddressInfo).port, targets, close };
}
