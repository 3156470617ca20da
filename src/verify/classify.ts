import type { VerificationStatus } from '../findings/index.js';
import type { JsonScalar, ResponseMatcherSpec } from '../rules/index.js';
import type { HttpResponse } from './http-types.js';

/** The JSON value at a dotted path (`error.code`), or undefined. */
export function jsonAt(json: unknown, path: string): unknown {
  let value = json;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Whether a response matches: one of the statuses and every JSON field. */
export function matchesResponse(response: HttpResponse, matcher: ResponseMatcherSpec): boolean {
  if (!matcher.status.includes(response.status)) return false;
  return Object.entries(matcher.json ?? {}).every(([path, expected]) => {
    const actual = jsonAt(response.json, path);
    const allowed: JsonScalar[] = Array.isArray(expected) ? expected : [expected];
    return allowed.some((value) => value === actual);
  });
}

/** The status a response means, and a detail line naming the status code and host (never the body). */
export function classifyResponse(response: HttpResponse, host: string, matchers: { live: ResponseMatcherSpec; revoked: ResponseMatcherSpec }): { status: VerificationStatus; detail: string } {
  const seen = `HTTP ${response.status} from ${host}`;
  if (matchesResponse(response, matchers.live)) return { status: 'live', detail: `${seen}: accepted` };
  if (matchesResponse(response, matchers.revoked)) return { status: 'revoked', detail: `${seen}: rejected` };
  return { status: 'unknown', detail: `${seen}: neither accepted nor rejected` };
}
