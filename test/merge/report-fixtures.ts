import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A secret id or sha of the right shape, from a seed. */
export function hex(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

/** A history finding as a JSON report lists it. */
export function reportFinding(options: { secret: string; ruleId?: string; severity?: string; path?: string; date?: string; isPresentAtHead?: boolean; removedDate?: string; places?: number; preview?: string }): Record<string, unknown> {
  const ruleId = options.ruleId ?? 'stripe.secret-key';
  return {
    ruleId,
    ruleName: ruleId === 'stripe.secret-key' ? 'Stripe secret key' : `Rule ${ruleId}`,
    severity: options.severity ?? 'high',
    path: options.path ?? 'src/config.ts',
    startLine: 3,
    startColumn: 10,
    endLine: 3,
    endColumn: 42,
    commit: { sha: hex(`${options.secret}${options.path}`, 40), author: 'Dev <dev@example.test>', date: options.date ?? '2024-01-02T03:04:05+00:00' },
    occurrences: Array.from({ length: options.places ?? 1 }, (_, i) => ({ path: `p${i}`, startLine: 1, startColumn: 1 })),
    isPresentAtHead: options.isPresentAtHead ?? true,
    ...(options.removedDate === undefined ? {} : { removedIn: { sha: hex(`rm${options.secret}`, 40), author: 'Dev <dev@example.test>', date: options.removedDate } }),
    fingerprint: `v1:${hex(`fp${options.secret}${options.path}`, 32)}`,
    secretId: `v1:${hex(`${ruleId}${options.secret}`, 32)}`,
    preview: options.preview ?? 'sk_l…(32)',
    context: 'const key = "sk_l…(32)";',
    entropy: 4.5,
  };
}

/** A whole JSON report of a repository. */
export function report(name: string | undefined, findings: Record<string, unknown>[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    tool: { name: 'secretscan', version: '0.1.0' },
    ...(name === undefined ? {} : { repository: { name, commit: hex(name, 40) } }),
    findings,
    suppressed: { inline: 0, allowlist: 0, paths: 0 },
    skipped: [],
    problems: [],
    notices: [],
    stats: { chunks: 1, bytes: 1 },
    isPartial: false,
    ...extra,
  };
}

/** Writes each report to `dir/<index>.json` and returns the paths. */
export async function writeReports(dir: string, reports: unknown[]): Promise<string[]> {
  return Promise.all(
    reports.map(async (value, index) => {
      const path = join(dir, `${index}.json`);
      await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
      return path;
    }),
  );
}
