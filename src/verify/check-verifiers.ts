import type { Rule } from '../rules/index.js';
import { verifierProblems } from './check-verifier.js';
import type { HttpRequest, HttpResponse } from './http-types.js';
import { alteredValue, standInFor, verifierCasesOf } from './stand-in.js';
import { createVerifier } from './verifier.js';

/**
 * `rules check` for verifiers: each `verify:` block is valid (hosts included), and each verifier,
 * run against an in-process stand-in of its provider, says `live` for every example's value and
 * `revoked` for the same value altered by one character. Returns every problem.
 */
export async function checkVerifiers(rules: readonly Rule[]): Promise<string[]> {
  const ids = new Set(rules.map((rule) => rule.spec.id));
  const problems: string[] = [];
  for (const rule of rules.filter((r) => r.spec.verify !== undefined)) {
    const invalid = verifierProblems(rule, ids);
    problems.push(...invalid);
    if (invalid.length > 0) continue;
    const cases = verifierCasesOf(rule, rules);
    const where = `${rule.file}: ${rule.spec.id}: verify`;
    if (rule.spec.verify?.unverifiable === undefined && cases.length === 0) problems.push(`${where}: no example gives a value to check the verifier with`);
    for (const [index, live] of cases.entries()) {
      const standIn = standInFor(rule, live);
      if (standIn === undefined) continue;
      const transport = async (request: HttpRequest): Promise<HttpResponse> => standIn(request);
      const verifier = createVerifier({ transport, perHostIntervalMs: 0 });
      const accepted = await verifier.verifyValues(rule, live, rules);
      const rejected = await verifier.verifyValues(rule, { ...live, secret: alteredValue(live.secret) }, rules);
      if (accepted.status !== 'live') problems.push(`${where}: examples[${index}]: the stand-in accepts the value, but the verifier says ${accepted.status} (${accepted.detail})`);
      if (rejected.status !== 'revoked') problems.push(`${where}: examples[${index}]: the stand-in rejects an altered value, but the verifier says ${rejected.status} (${rejected.detail})`);
    }
  }
  return problems;
}
