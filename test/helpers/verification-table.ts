import type { ResponseMatcherSpec, Rule, VerifySpec } from '../../src/rules/index.js';

// The README's table of verifiers, generated from the rule packs: test/verify/docs.test.ts
// compares it with the README, so the documentation cannot drift from what is sent.

function matcherText(matcher: ResponseMatcherSpec | undefined): string {
  if (matcher === undefined) return '—';
  const json = Object.entries(matcher.json ?? {}).map(([path, value]) => `\`${path}\`: ${(Array.isArray(value) ? value : [value]).map((v) => `\`${String(v)}\``).join(' or ')}`);
  return `HTTP ${matcher.status.join('/')}${json.length === 0 ? '' : ` with ${json.join(', ')}`}`;
}

function requestText(verify: VerifySpec): string {
  if (verify.unverifiable !== undefined) return `none: ${verify.unverifiable}`;
  if (verify.code === 'aws-sts') return '`POST https://sts.amazonaws.com/` `Action=GetCallerIdentity`, signed with SigV4 (key id and secret key)';
  return (verify.requests ?? [])
    .map((request) => {
      const url = request.url.replace('{{secret-path}}', '/<webhook path>').replace(/\{\{[^}]+\}\}/g, '…');
      return `\`${request.method} ${url}\`${request.when === undefined ? '' : ` (${request.when.prefix.join('/')} keys)`}`;
    })
    .join('; ');
}

function outcomes(verify: VerifySpec): [string, string] {
  if (verify.unverifiable !== undefined) return ['—', '—'];
  if (verify.code === 'aws-sts') return ['HTTP 200', 'HTTP 403 (`InvalidClientTokenId`, `SignatureDoesNotMatch`)'];
  return [matcherText(verify.live), matcherText(verify.revoked)];
}

/** The Markdown table: one row per provider and distinct verifier, rules of a row together. */
export function verificationTable(rules: readonly Rule[]): string {
  const rows = new Map<string, { provider: string; ids: string[]; cells: string[] }>();
  const verified = rules.filter((rule) => rule.spec.verify !== undefined).sort((a, b) => a.provider.name.localeCompare(b.provider.name, 'en') || a.spec.id.localeCompare(b.spec.id, 'en'));
  for (const rule of verified) {
    const verify = rule.spec.verify as VerifySpec;
    const cells = [requestText(verify), ...outcomes(verify)];
    const key = `${rule.provider.name}\0${cells.join('\0')}`;
    const row = rows.get(key) ?? { provider: rule.provider.name, ids: [], cells };
    row.ids.push(rule.spec.id);
    rows.set(key, row);
  }
  const lines = ['| provider | rules | request (read-only) | live | revoked |', '| --- | --- | --- | --- | --- |'];
  for (const row of rows.values()) lines.push(`| ${row.provider} | ${row.ids.map((id) => `\`${id}\``).join(', ')} | ${row.cells.join(' | ')} |`);
  return lines.join('\n');
}
