import type { VerifyRequestSpec } from '../rules/index.js';
import type { HttpRequest } from './http-types.js';
import { isAllowedHost } from './provider-hosts.js';
import { renderTemplate, type TemplateValues } from './template.js';

const USER_AGENT = 'secretscan-verify (+https://github.com/secretscan/secretscan#live-verification)';

/**
 * The requests to try for these values, in order: those whose `when` holds. They are sent one
 * after another until one says live (a provider with regional hosts, a token of two kinds).
 */
export function chooseRequests(requests: readonly VerifyRequestSpec[], values: TemplateValues): VerifyRequestSpec[] {
  return requests.filter((spec) => {
    if (spec.when === undefined) return true;
    const value = renderTemplate(spec.when.value, values, 'body');
    return value !== undefined && spec.when.prefix.some((prefix) => value.startsWith(prefix));
  });
}

function renderBody(value: unknown, values: TemplateValues): unknown {
  if (typeof value === 'string') return renderTemplate(value, values, 'body');
  if (Array.isArray(value)) return value.map((item) => renderBody(item, values));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderBody(item, values)]));
  return value;
}

function hasMissing(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.some(hasMissing);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasMissing);
  return false;
}

/** The request URL, or why it cannot be sent: only `https://` on the provider's allowed hosts, default port, no user info. */
function urlOf(spec: VerifyRequestSpec, values: TemplateValues, providerId: string): URL | string {
  const text = renderTemplate(spec.url, values, 'url');
  if (text === undefined) return 'a value the request needs is missing';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'the request URL does not parse';
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return 'the request URL is not plain https';
  if (!isAllowedHost(providerId, url.hostname)) return `${url.hostname} is not a host this provider's secrets may be sent to`;
  return url;
}

/**
 * Renders a request spec with the secret (and partner) values. Returns the request, or a reason it
 * cannot be sent that never holds a value.
 */
export function renderRequest(spec: VerifyRequestSpec, values: TemplateValues, providerId: string): HttpRequest | string {
  const url = urlOf(spec, values, providerId);
  if (typeof url === 'string') return url;
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/json' };
  for (const [name, template] of Object.entries(spec.headers ?? {})) {
    const value = renderTemplate(template, values, 'header');
    if (value === undefined) return `a value for the ${name} header is missing or cannot go in a header`;
    headers[name.toLowerCase()] = value;
  }
  if (spec.basicAuth !== undefined) {
    const user = renderTemplate(spec.basicAuth.user, values, 'body');
    const password = renderTemplate(spec.basicAuth.password, values, 'body');
    if (user === undefined || password === undefined) return 'a value for basic authentication is missing';
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  const request: HttpRequest = { method: spec.method, url, headers };
  if (spec.form !== undefined) {
    const form = renderBody(spec.form, values) as Record<string, string | undefined>;
    if (hasMissing(form)) return 'a value for the form body is missing';
    request.body = new URLSearchParams(form as Record<string, string>).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (spec.json !== undefined) {
    const json = renderBody(spec.json, values);
    if (hasMissing(json)) return 'a value for the JSON body is missing';
    request.body = JSON.stringify(json);
    headers['content-type'] = 'application/json';
  }
  return request;
}
