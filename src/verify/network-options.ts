/** An address to connect to instead of a provider's host (the test seam). */
export interface Address {
  host: string;
  port: number;
}

/** An `http://` proxy for HTTPS requests (`HTTPS_PROXY`), and the hosts that skip it (`NO_PROXY`). */
export interface ProxySettings {
  url: URL;
  /** Host names or domain suffixes (`.example.com`, `example.com`), or `*` for all. */
  noProxy: string[];
}

/** How verification requests reach the network. The CLI and the Action build it from the environment. */
export interface NetworkOptions {
  /** Connect to a local address for these hosts, TLS server name and Host header unchanged (`SECRETSCAN_VERIFY_REDIRECT`). */
  redirects?: ReadonlyMap<string, Address>;
  proxy?: ProxySettings;
  /** Extra trust roots (PEM) besides Node's own, which include `NODE_EXTRA_CA_CERTS`. Default: none. */
  ca?: string[];
  /** Time for one request, connection to last byte, in milliseconds. Default: 10 000. */
  timeoutMs?: number;
}

/** Whether `NO_PROXY` sends `hostname` direct. */
export function isProxyBypassed(hostname: string, noProxy: readonly string[]): boolean {
  return noProxy.some((entry) => {
    const bare = entry
      .replace(/^\*?\./, '')
      .replace(/:\d+$/, '')
      .toLowerCase();
    return entry === '*' || hostname === bare || hostname.endsWith(`.${bare}`);
  });
}
