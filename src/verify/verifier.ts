import { createHash } from 'node:crypto';
import type { Finding, Verification, VerificationStatus } from '../findings/index.js';
import type { Rule, VerifySpec } from '../rules/index.js';
import { chooseRequests, renderRequest } from './build-request.js';
import { verifierProblems } from './check-verifier.js';
import { classifyResponse } from './classify.js';
import { CODE_VERIFIERS } from './code-verifiers.js';
import type { HttpRequest, HttpResponse, Transport } from './http-types.js';
import { NetworkError } from './https-transport.js';
import { createLimiter } from './limiter.js';
import { partnerValueOf } from './partners.js';
import type { TemplateValues } from './template.js';

/** How a verifier runs. */
export interface VerifierOptions {
  transport: Transport;
  /** The clock, for `checkedAt` and request signatures. Default: the system's. */
  now?: () => Date;
  /** Requests in flight at once. Default: 4. */
  concurrency?: number;
  /** Minimum time between two requests to one host, in milliseconds. Default: 250. */
  perHostIntervalMs?: number;
  /** Debug lines: rule ids, fingerprints, hosts and statuses, never a value. */
  log?: (line: string) => void;
}

/** Verifies findings; one verifier serves a whole run, so each distinct request is sent once. */
export interface Verifier {
  /**
   * Sets `verification` on every finding whose rule has a verifier. The findings must hold their
   * raw values (`secret`); partners are looked up among `findings`. Never throws for the network.
   */
  verifyFindings: (findings: Finding[], rules: readonly Rule[]) => Promise<void>;
  /** Verifies one value (with its partner, if the rule has one) of a rule; `rules` for the validity check. */
  verifyValues: (rule: Rule, values: TemplateValues, rules: readonly Rule[]) => Promise<Verification>;
}

type Outcome = { status: VerificationStatus; detail: string };

/** One request to send, and how to read its answer. */
type Attempt = { key: string; host: string; request: HttpRequest; classify: (response: HttpResponse) => Outcome };

/** What one finding needs: requests to try in order until one says live, or a settled outcome. */
type Plan = { attempts: Attempt[] } | Outcome;

function keyOf(request: HttpRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([request.method, request.url.href, request.headers, request.body ?? '']))
    .digest('hex');
}

/**
 * A signed request differs with every second: its key is the verifier and the values it signs
 * with, in any order, so both halves of a pair (found by two rules) share one request.
 */
function codeKeyOf(code: string, values: TemplateValues): string {
  return createHash('sha256')
    .update(JSON.stringify([code, [values.secret, ...values.partners.values()].sort()]))
    .digest('hex');
}

function planFor(spec: VerifySpec, rule: Rule, values: TemplateValues, now: Date): Plan {
  if (spec.unverifiable !== undefined) return { status: 'unknown', detail: `not verifiable: ${spec.unverifiable}` };
  if (spec.code !== undefined) {
    const code = CODE_VERIFIERS[spec.code];
    if (code === undefined) return { status: 'unknown', detail: `unknown code verifier ${spec.code}` };
    const request = code.build(values, now);
    if (typeof request === 'string') return { status: 'unknown', detail: `not checked: ${request}` };
    return { attempts: [{ key: codeKeyOf(spec.code, values), host: code.host, request, classify: code.classify }] };
  }
  const chosen = chooseRequests(spec.requests ?? [], values);
  if (chosen.length === 0 || spec.live === undefined || spec.revoked === undefined) return { status: 'unknown', detail: 'not checked: no request of the verifier fits this value' };
  const matchers = { live: spec.live, revoked: spec.revoked };
  const attempts: Attempt[] = [];
  for (const one of chosen) {
    const request = renderRequest(one, values, rule.provider.id);
    if (typeof request === 'string') return { status: 'unknown', detail: `not checked: ${request}` };
    const host = request.url.hostname;
    attempts.push({ key: keyOf(request), host, request, classify: (response) => classifyResponse(response, host, matchers) });
  }
  return { attempts };
}

/** The outcomes of the attempts made: live as soon as one is; revoked only when every one is. */
function combine(outcomes: readonly Outcome[]): Outcome {
  const live = outcomes.find((outcome) => outcome.status === 'live');
  if (live !== undefined) return live;
  const detail = outcomes.map((outcome) => outcome.detail).join('; ');
  return { status: outcomes.every((outcome) => outcome.status === 'revoked') ? 'revoked' : 'unknown', detail };
}

/** Creates a verifier with its own cache, limits and transport. */
export function createVerifier(options: VerifierOptions): Verifier {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const limit = createLimiter({ concurrency: options.concurrency ?? 4, perHostIntervalMs: options.perHostIntervalMs ?? 250 });
  const sent = new Map<string, Promise<Verification>>();
  const invalid = new Map<string, boolean>();
  const attempt = (one: Attempt): Promise<Outcome> =>
    limit(one.host, async () => {
      try {
        return one.classify(await options.transport(one.request));
      } catch (error) {
        return { status: 'unknown', detail: `no answer from ${one.host}: ${error instanceof NetworkError ? error.reason : 'network error'}` };
      }
    });
  const send = (attempts: readonly Attempt[]): Promise<Verification> => {
    const key = attempts.map((one) => one.key).join(':');
    const cached = sent.get(key);
    if (cached !== undefined) return cached;
    const answer = (async () => {
      const outcomes: Outcome[] = [];
      for (const one of attempts) {
        const outcome = await attempt(one);
        outcomes.push(outcome);
        if (outcome.status === 'live') break;
      }
      return { ...combine(outcomes), checkedAt: now().toISOString() };
    })();
    sent.set(key, answer);
    return answer;
  };
  const isInvalid = (rule: Rule, ruleIds: ReadonlySet<string>): boolean => {
    if (!invalid.has(rule.spec.id)) invalid.set(rule.spec.id, verifierProblems(rule, ruleIds).length > 0);
    return invalid.get(rule.spec.id) === true;
  };
  const verifyValues = async (rule: Rule, values: TemplateValues, ruleIds: ReadonlySet<string>): Promise<Verification> => {
    const spec = rule.spec.verify;
    let plan: Plan;
    if (spec === undefined) plan = { status: 'unknown', detail: 'not checked: the rule has no verifier' };
    else if (isInvalid(rule, ruleIds)) plan = { status: 'unknown', detail: "not checked: the rule's verifier is invalid (run `secretscan rules check`)" };
    else if (spec.partner !== undefined && !values.partners.has(spec.partner) && spec.unverifiable === undefined)
      plan = { status: 'unknown', detail: `not checked: needs its ${spec.partner} beside it, and none (or more than one) was found` };
    else plan = planFor(spec, rule, values, now());
    return 'attempts' in plan ? { ...(await send(plan.attempts)) } : { ...plan, checkedAt: now().toISOString() };
  };
  const verifyOne = async (finding: Finding, rule: Rule, ruleIds: ReadonlySet<string>, all: readonly Finding[]): Promise<void> => {
    const spec = rule.spec.verify;
    if (spec === undefined || finding.secret === undefined) return;
    const partner = spec.partner === undefined ? undefined : partnerValueOf(finding, spec.partner, all);
    const partners = new Map(partner === undefined || spec.partner === undefined ? [] : [[spec.partner, partner]]);
    finding.verification = await verifyValues(rule, { secret: finding.secret, partners }, ruleIds);
    log(`verify: ${rule.spec.id} ${finding.fingerprint}: ${finding.verification.status} (${finding.verification.detail})`);
  };
  return {
    verifyFindings: async (findings, rules) => {
      const byId = new Map(rules.map((rule) => [rule.spec.id, rule]));
      const ruleIds = new Set(byId.keys());
      await Promise.all(
        findings.map((finding) => {
          const rule = byId.get(finding.ruleId);
          return rule === undefined ? undefined : verifyOne(finding, rule, ruleIds, findings);
        }),
      );
    },
    verifyValues: (rule, values, rules) => verifyValues(rule, values, new Set(rules.map((r) => r.spec.id))),
  };
}
