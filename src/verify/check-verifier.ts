import type { ResponseMatcherSpec, Rule, VerifyRequestSpec } from '../rules/index.js';
import { CODE_VERIFIERS } from './code-verifiers.js';
import { GENERIC_PROVIDERS, isAllowedHost, PROVIDER_HOSTS } from './provider-hosts.js';
import { hasUnknownPlaceholder, placeholdersOf } from './template.js';

const VERIFY_KEYS = new Set(['partner', 'unverifiable', 'code', 'requests', 'live', 'revoked']);
const REQUEST_KEYS = new Set(['when', 'method', 'url', 'headers', 'basicAuth', 'form', 'json']);
const LITERAL_HOST = /^https:\/\/([a-z0-9.-]+)(?:[/?]|\{\{secret-path\}\}$|$)/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every template string in a request, for placeholder checks. */
function templatesOf(spec: VerifyRequestSpec): string[] {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (isRecord(value)) Object.values(value).forEach(walk);
  };
  walk([spec.url, spec.headers, spec.basicAuth, spec.form, spec.json]);
  return strings;
}

function matcherProblems(value: unknown, name: string): string[] {
  if (!isRecord(value)) return [`\`${name}\` must be a mapping with \`status\` (and optional \`json\`)`];
  const matcher = value as unknown as ResponseMatcherSpec;
  const problems: string[] = [];
  if (!Array.isArray(matcher.status) || matcher.status.length === 0 || !matcher.status.every((s) => Number.isInteger(s) && s >= 100 && s <= 599)) problems.push(`\`${name}.status\` must be a list of HTTP status codes`);
  const isScalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (matcher.json !== undefined && (!isRecord(matcher.json) || !Object.values(matcher.json).every((v) => isScalar(v) || (Array.isArray(v) && v.length > 0 && v.every(isScalar))))) {
    problems.push(`\`${name}.json\` must map dotted paths to a value or a list of values`);
  }
  return problems;
}

function requestProblems(raw: unknown, index: number, rule: Rule, partner: string | undefined): string[] {
  const at = `requests[${index}]`;
  if (!isRecord(raw)) return [`${at} must be a mapping`];
  const spec = raw as unknown as VerifyRequestSpec;
  const problems = Object.keys(raw)
    .filter((key) => !REQUEST_KEYS.has(key))
    .map((key) => `${at}: unknown field \`${key}\``);
  if (spec.method !== 'GET' && spec.method !== 'POST') problems.push(`${at}.method must be GET or POST`);
  const host = typeof spec.url === 'string' ? LITERAL_HOST.exec(spec.url)?.[1] : undefined;
  if (host === undefined) problems.push(`${at}.url must start with https:// and a literal host name (no placeholder before the path)`);
  else if (!isAllowedHost(rule.provider.id, host)) problems.push(`${at}.url: ${host} is not an allowed host for provider ${rule.provider.id} (allowed: ${(PROVIDER_HOSTS[rule.provider.id] ?? []).join(', ') || 'none'})`);
  if (spec.form !== undefined && spec.json !== undefined) problems.push(`${at}: give \`form\` or \`json\`, not both`);
  if (spec.when !== undefined && (!isRecord(spec.when) || typeof spec.when.value !== 'string' || !Array.isArray(spec.when.prefix) || spec.when.prefix.length === 0)) {
    problems.push(`${at}.when must be { value: TEMPLATE, prefix: [..] }`);
  }
  const templates = templatesOf(spec);
  if (templates.some(hasUnknownPlaceholder)) problems.push(`${at}: unknown placeholder (known: {{secret}}, {{secret-path}}, {{partner:<rule-id>}})`);
  const used = templates.flatMap(placeholdersOf);
  if (!used.some((name) => name === 'secret' || name === 'secret-path')) problems.push(`${at}: the request never uses {{secret}} or {{secret-path}}`);
  for (const name of used.filter((n) => n.startsWith('partner:'))) {
    if (name !== `partner:${partner ?? ''}`) problems.push(`${at}: {{${name}}} is not the rule's \`partner\``);
  }
  if (used.includes('secret-path') && !/^https:\/\/[a-z0-9.-]+\{\{secret-path\}\}$/.test(spec.url)) problems.push(`${at}: {{secret-path}} must follow the host directly and end the URL`);
  return problems;
}

function kindProblems(verify: Record<string, unknown>, rule: Rule): string[] {
  const kinds = (['requests', 'code', 'unverifiable'] as const).filter((key) => verify[key] !== undefined);
  if (kinds.length !== 1) return ['give exactly one of `requests`, `code` or `unverifiable`'];
  const problems: string[] = [];
  if (verify.unverifiable !== undefined && (typeof verify.unverifiable !== 'string' || verify.unverifiable.trim() === '')) problems.push('`unverifiable` must say why no request can tell');
  if (verify.code !== undefined) {
    const code = typeof verify.code === 'string' ? CODE_VERIFIERS[verify.code] : undefined;
    if (code === undefined) problems.push(`unknown code verifier \`${String(verify.code)}\` (known: ${Object.keys(CODE_VERIFIERS).join(', ')})`);
    else if (!isAllowedHost(rule.provider.id, code.host)) problems.push(`code verifier ${String(verify.code)} sends to ${code.host}, not an allowed host for provider ${rule.provider.id}`);
  }
  if (verify.requests !== undefined) {
    if (!Array.isArray(verify.requests) || verify.requests.length === 0) problems.push('`requests` must be a non-empty list');
    else verify.requests.forEach((raw, i) => problems.push(...requestProblems(raw, i, rule, typeof verify.partner === 'string' ? verify.partner : undefined)));
    problems.push(...matcherProblems(verify.live, 'live'), ...matcherProblems(verify.revoked, 'revoked'));
  } else if (verify.live !== undefined || verify.revoked !== undefined) problems.push('`live` and `revoked` go with `requests` only');
  return problems;
}

/**
 * Every problem with a rule's `verify:` block, each `file: rule-id: verify: what`: its shape, that
 * each URL is https on one of the provider's allowed hosts, that generic rules have none, and that
 * a partner is a rule of the same pack.
 */
export function verifierProblems(rule: Rule, ruleIds: ReadonlySet<string>): string[] {
  const raw: unknown = rule.spec.verify;
  if (raw === undefined) return [];
  const where = `${rule.file}: ${rule.spec.id}: verify`;
  if (!isRecord(raw)) return [`${where}: must be a mapping`];
  if (GENERIC_PROVIDERS.has(rule.provider.id)) return [`${where}: rules of the ${rule.provider.id} pack are never verified: their values could belong to any service`];
  const problems = Object.keys(raw)
    .filter((key) => !VERIFY_KEYS.has(key))
    .map((key) => `unknown field \`${key}\``);
  if (raw.partner !== undefined) {
    const partner = raw.partner;
    if (typeof partner !== 'string' || !ruleIds.has(partner) || partner === rule.spec.id || !partner.startsWith(`${rule.provider.id}.`)) problems.push('`partner` must be the id of another rule of the same pack');
  }
  problems.push(...kindProblems(raw, rule));
  return problems.map((problem) => `${where}: ${problem}`);
}
