import { createMatcher } from '../engine/index.js';
import type { JsonScalar, ResponseMatcherSpec, Rule } from '../rules/index.js';
import { chooseRequests, renderRequest } from './build-request.js';
import { CODE_VERIFIERS } from './code-verifiers.js';
import type { HttpRequest, HttpResponse } from './http-types.js';
import type { TemplateValues } from './template.js';

/** A response that the matcher accepts: its first status, and each JSON field at its (first) value. */
export function responseFor(matcher: ResponseMatcherSpec): HttpResponse {
  const json: Record<string, unknown> = {};
  for (const [path, expected] of Object.entries(matcher.json ?? {})) {
    const parts = path.split('.');
    let node = json;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1] ?? ''] = Array.isArray(expected) ? (expected[0] as JsonScalar) : expected;
  }
  return { status: matcher.status[0] ?? 500, body: JSON.stringify(json), json };
}

/** Whether `actual` is the request `expected`: method, URL, every header the verifier set, body. */
function isSameRequest(actual: HttpRequest, expected: HttpRequest): boolean {
  if (actual.method !== expected.method || actual.url.href !== expected.url.href || (actual.body ?? '') !== (expected.body ?? '')) return false;
  return Object.entries(expected.headers).every(([name, value]) => actual.headers[name] === value);
}

/**
 * A stand-in for the provider: it accepts exactly the requests a verifier sends for `live` and
 * answers anything else as the provider answers a revoked secret. Undefined for a rule without
 * requests to send.
 */
export function standInFor(rule: Rule, live: TemplateValues): ((request: HttpRequest) => HttpResponse) | undefined {
  const spec = rule.spec.verify;
  if (spec?.code !== undefined) return CODE_VERIFIERS[spec.code]?.standIn(live);
  if (spec?.requests === undefined || spec.live === undefined || spec.revoked === undefined) return undefined;
  const expected = chooseRequests(spec.requests, live)
    .map((chosen) => renderRequest(chosen, live, rule.provider.id))
    .filter((request): request is HttpRequest => typeof request !== 'string');
  const [accepted, rejected] = [responseFor(spec.live), responseFor(spec.revoked)];
  return (request) => (expected.some((one) => isSameRequest(request, one)) ? accepted : rejected);
}

/** The raw secret a rule finds in one text, or undefined. */
export function secretIn(rule: Rule, text: string): string | undefined {
  return createMatcher([rule], { shouldRevealSecrets: true }).scanChunk({ origin: 'stdin', path: 'example.txt', text, startLine: 1 }).findings[0]?.secret;
}

/** A value of the same shape that differs in its last letter or digit: what the stand-ins reject. */
export function alteredValue(value: string): string {
  const index = value.search(/[A-Za-z0-9][^A-Za-z0-9]*$/);
  if (index < 0) return `${value}x`;
  const char = value[index] ?? '';
  const swapped = /[0-9]/.test(char) ? (char === '2' ? '3' : '2') : /[a-z]/.test(char) ? (char === 'a' ? 'b' : 'a') : char === 'A' ? 'B' : 'A';
  return value.slice(0, index) + swapped + value.slice(index + 1);
}

/** One verifier case per example of a verified rule: the values a stand-in accepts, with the partner's first example. */
export function verifierCasesOf(rule: Rule, rules: readonly Rule[]): TemplateValues[] {
  const spec = rule.spec.verify;
  if (spec === undefined || spec.unverifiable !== undefined) return [];
  const partnerRule = spec.partner === undefined ? undefined : rules.find((r) => r.spec.id === spec.partner);
  const partnerValue = partnerRule === undefined ? undefined : partnerRule.spec.examples.map((text) => secretIn(partnerRule, text)).find((v) => v !== undefined);
  const partners = new Map(spec.partner === undefined || partnerValue === undefined ? [] : [[spec.partner, partnerValue]]);
  const code = spec.code === undefined ? undefined : CODE_VERIFIERS[spec.code];
  return rule.spec.examples.flatMap((text) => {
    const secret = secretIn(rule, text);
    // A value its code verifier cannot check at all (AWS temporary keys) has no case: it is unknown by design.
    return secret === undefined || (code !== undefined && !code.accepts({ secret, partners })) ? [] : [{ secret, partners }];
  });
}
