import { UsageError } from '../errors.js';
import type { Address, NetworkOptions } from './network-options.js';

type Env = Readonly<Record<string, string | undefined>>;

/** `host=127.0.0.1:PORT,…`: the test seam that sends a provider's requests to a local address. */
function parseRedirects(text: string): Map<string, Address> {
  const redirects = new Map<string, Address>();
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    const match = /^([a-z0-9.-]+)=([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(entry);
    const port = Number(match?.[3]);
    if (match === null || !(port > 0 && port < 65536)) {
      throw new UsageError(`SECRETSCAN_VERIFY_REDIRECT: "${entry}" is not host=ADDRESS:PORT`, 'e.g. SECRETSCAN_VERIFY_REDIRECT=api.stripe.com=127.0.0.1:8443');
    }
    redirects.set(match[1] ?? '', { host: (match[2] ?? '').replace(/^\[|\]$/g, ''), port });
  }
  return redirects;
}

/**
 * The network settings verification takes from the environment: `HTTPS_PROXY` (or `https_proxy`,
 * `ALL_PROXY`), `NO_PROXY`, and `SECRETSCAN_VERIFY_REDIRECT`. Only the CLI and the Action call
 * this, with their environment.
 */
export function parseNetworkEnv(env: Env): NetworkOptions {
  const options: NetworkOptions = {};
  const redirect = env.SECRETSCAN_VERIFY_REDIRECT ?? '';
  if (redirect.trim() !== '') options.redirects = parseRedirects(redirect);
  const proxy = env.HTTPS_PROXY || env.https_proxy || env.ALL_PROXY || env.all_proxy || '';
  if (proxy !== '') {
    let url: URL;
    try {
      url = new URL(/^[a-z]+:\/\//i.test(proxy) ? proxy : `http://${proxy}`);
    } catch {
      throw new UsageError('HTTPS_PROXY is not a URL', 'e.g. HTTPS_PROXY=http://proxy.example:3128');
    }
    const noProxy = (env.NO_PROXY || env.no_proxy || '')
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part !== '');
    options.proxy = { url, noProxy };
  }
  return options;
}
