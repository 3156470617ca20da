import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { HttpRequest, HttpResponse, Transport } from './http-types.js';
import { isProxyBypassed, type Address, type NetworkOptions, type ProxySettings } from './network-options.js';

/**
 * The network modules, loaded on the first request: a scan that does not verify never loads them
 * (the pre-commit hook stays fast, and the Action's bundle imports them only here).
 */
interface NetworkModules {
  httpRequest: typeof import('node:http').request;
  netConnect: typeof import('node:net').connect;
  tlsConnect: typeof import('node:tls').connect;
  rootCertificates: readonly string[];
}

let modules: Promise<NetworkModules> | undefined;

function networkModules(): Promise<NetworkModules> {
  modules ??= Promise.all([import('node:http'), import('node:net'), import('node:tls')]).then(([http, net, tls]) => ({
    httpRequest: http.request,
    netConnect: net.connect,
    tlsConnect: tls.connect,
    rootCertificates: tls.rootCertificates,
  }));
  return modules;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_BODY_BYTES = 64 * 1024;

/** A failed request: `reason` names what failed (an error code, a status), never a value sent. */
export class NetworkError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof NetworkError) return error.reason;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : 'network error';
}

/** A TCP connection through an `http://` proxy's CONNECT tunnel. */
function tunnel(net: NetworkModules, proxy: ProxySettings, target: Address, track: (socket: Socket) => void): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const { url } = proxy;
    const authority = `${target.host}:${target.port}`;
    const headers: Record<string, string> = { host: authority };
    if (url.username !== '') headers['proxy-authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    const req = net.httpRequest({ host: url.hostname, port: Number(url.port || 80), method: 'CONNECT', path: authority, headers, agent: false });
    req.once('socket', track);
    req.once('connect', (res: IncomingMessage, socket: Socket) => {
      if (res.statusCode === 200) resolve(socket);
      else {
        socket.destroy();
        reject(new NetworkError(`the proxy answered ${res.statusCode ?? 0} to CONNECT`));
      }
    });
    req.once('error', reject);
    req.end();
  });
}

/** A raw TCP connection to the provider's host (or its redirect), direct or through the proxy. */
async function openRaw(net: NetworkModules, hostname: string, network: NetworkOptions, track: (socket: Socket) => void): Promise<Socket> {
  const target = network.redirects?.get(hostname) ?? { host: hostname, port: 443 };
  const { proxy } = network;
  if (proxy !== undefined && !isProxyBypassed(hostname, proxy.noProxy)) {
    if (proxy.url.protocol !== 'http:') throw new NetworkError('only http:// proxies are supported');
    return tunnel(net, proxy, target, track);
  }
  return new Promise((resolve, reject) => {
    const socket = net.netConnect({ host: target.host, port: target.port });
    track(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** TLS over `raw` with the provider's name for SNI and the certificate check (Node's default checks). */
function secure(net: NetworkModules, raw: Socket, hostname: string, network: NetworkOptions, track: (socket: Socket) => void): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = net.tlsConnect({ socket: raw, host: hostname, servername: hostname, ...(network.ca === undefined ? {} : { ca: [...net.rootCertificates, ...network.ca] }) });
    track(socket);
    socket.once('secureConnect', () => resolve(socket));
    socket.once('error', reject);
  });
}

function exchange(net: NetworkModules, socket: TLSSocket, request: HttpRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...request.headers, host: request.url.hostname, ...(request.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(request.body)) }) };
    const req = net.httpRequest({ method: request.method, path: `${request.url.pathname}${request.url.search}`, headers, createConnection: () => socket });
    req.once('error', reject);
    req.once('response', (res) => {
      const parts: Buffer[] = [];
      let size = 0;
      res.on('data', (part: Buffer) => {
        if (size < MAX_BODY_BYTES) parts.push(part);
        size += part.length;
        if (size >= MAX_BODY_BYTES) res.destroy();
      });
      const done = (): void => {
        const body = Buffer.concat(parts).subarray(0, MAX_BODY_BYTES).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, body, ...(json === undefined ? {} : { json }) });
      };
      res.once('end', done);
      res.once('close', done);
      res.once('error', reject);
    });
    req.end(request.body);
  });
}

/**
 * The real transport: HTTPS to the provider's host with certificate checks, through `HTTPS_PROXY`
 * when set, to a local address when redirected (the test seam). Every socket is closed after the
 * answer or the timeout; errors reject with a NetworkError whose reason holds no value sent.
 */
export function httpsTransport(network: NetworkOptions = {}): Transport {
  return async (request) => {
    const sockets: Socket[] = [];
    const track = (socket: Socket): void => {
      sockets.push(socket);
    };
    const timeoutMs = network.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new NetworkError(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
      const work = (async () => {
        const net = await networkModules();
        const raw = await openRaw(net, request.url.hostname, network, track);
        const socket = await secure(net, raw, request.url.hostname, network, track);
        return exchange(net, socket, request);
      })();
      work.catch(() => undefined);
      return await Promise.race([work, timeout]);
    } catch (error) {
      throw new NetworkError(reasonOf(error));
    } finally {
      clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
    }
  };
}
