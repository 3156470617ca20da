import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bySeverity, fitSarif, fitSummary, selectAnnotations, SARIF_MAX_RESULTS, SUMMARY_LIMIT_BYTES } from '../../src/action/github-limits.js';
import type { Finding, ScanResult } from '../../src/findings/index.js';
import { toSarif } from '../../src/reporters/index.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { sampleContext, sampleResult } from '../helpers/sample-result.js';
import { makeActionCheckout, runAction, type ActionResult } from './run-action.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A made-up Stripe-shaped key with a random body (`live` is high, `test` medium). */
function stripeKey(mode: 'live' | 'test'): string {
  const body = [...randomBytes(28)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return ['sk', mode, body].join('_');
}

let checkout: { dir: string; remove: () => Promise<void> };
beforeAll(async () => {
  checkout = await makeActionCheckout();
});
afterAll(() => checkout.remove());

/** A pull request adding `keys.js` with these lines. */
async function pullRequestAdding(lines: string[], inputs: Record<string, string> = {}): Promise<{ result: ActionResult; workspace: string }> {
  const workspace = await createRepo({ commits: [{ files: { 'README.md': '# app\n' } }, { files: { 'keys.js': `${lines.join('\n')}\n` } }] });
  const [head = '', base = ''] = git(workspace, ['rev-list', '-n', '2', 'HEAD']).trim().split('\n');
  const payload = { pull_request: { base: { sha: base }, head: { sha: head } }, repository: { default_branch: 'main' } };
  return { result: await runAction({ checkout: checkout.dir, eventName: 'pull_request', payload, workspace, inputs }), workspace };
}

function annotationsOf(stdout: string): { level: string; line: string }[] {
  return stdout.split('\n').flatMap((line) => {
    const match = /^::(error|warning|notice)\b/.exec(line);
    return match === null ? [] : [{ level: match[1] as string, line }];
  });
}

describe('GitHub limits in the action', () => {
  it('annotates the most severe findings within 10 per level and 50 per step, and counts the rest in the summary', async () => {
    const lines = [...Array.from({ length: 30 }, () => `const test = "${stripeKey('test')}";`), ...Array.from({ length: 30 }, () => `const live = "${stripeKey('live')}";`)];
    const { result } = await pullRequestAdding(lines);
    expect(result.code).toBe(1);
    expect(result.outputs.findings).toBe('60');
    const annotations = annotationsOf(result.stdout);
    const count = (level: string): number => annotations.filter((a) => a.level === level).length;
    // Ten errors in all: nine high findings and the step's own failure message.
    expect(count('error')).toBe(10);
    expect(annotations.filter((a) => a.level === 'error' && a.line.includes('file=keys.js')).every((a) => a.line.includes(', high)'))).toBe(true);
    expect(count('warning')).toBe(10);
    expect(annotations.length).toBeLessThanOrEqual(50);
    expect(result.summary).toContain('41 of 60 findings have no annotation');
  });

  it('with fail-on: none, a high finding is a warning, never an ::error, and the step passes', async () => {
    const { result } = await pullRequestAdding([`const live = "${stripeKey('live')}";`], { 'fail-on': 'none' });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/^::error/m);
    expect(result.stdout).toMatch(/^::warning title=secretscan%3A Stripe secret key,file=keys\.js,line=1,.*, high\)/m);
  });

  it('keeps the job summary under 1 MiB, saying what it leaves out and where it is', { timeout: 180_000 }, async () => {
    // 5,000 long-named files over the size limit: their "skipped" list alone is over 1 MiB.
    const big: Record<string, string> = {};
    for (let i = 0; i < 5000; i++) big[`${'d'.repeat(180)}/${String(i).padStart(5, '0')}-${'n'.repeat(40)}.txt`] = 'more than sixteen bytes of text\n';
    const workspace = await createRepo({ commits: [{ files: { 'README.md': '# app\n', '.secretscan.yaml': 'maxFileSize: 16\n' } }, { files: big }] });
    const [head = '', base = ''] = git(workspace, ['rev-list', '-n', '2', 'HEAD']).trim().split('\n');
    const payload = { pull_request: { base: { sha: base }, head: { sha: head } }, repository: { default_branch: 'main' } };
    const result = await runAction({ checkout: checkout.dir, eventName: 'pull_request', payload, workspace, inputs: { 'fail-on': 'none' } });
    expect(Buffer.byteLength(result.summary)).toBeLessThanOrEqual(1024 * 1024);
    const listed = /This summary lists (\d+) of (\d+) skipped files: GitHub drops a job summary over 1 MiB/.exec(result.summary);
    expect(listed, `${Buffer.byteLength(result.summary)} bytes: ${result.stdout.slice(-500)}`).not.toBeNull();
    expect(Number(listed?.[1])).toBeGreaterThan(1000);
    expect(Number(listed?.[2])).toBe(5000);
  });
});

/** `count` findings cloned from the sample, each with its own fingerprint and line. */
function manyFindings(count: number): ScanResult {
  const base = sampleResult();
  const findings: Finding[] = Array.from({ length: count }, (_, i) => {
    const from = base.findings[i % base.findings.length] as Finding;
    return { ...from, startLine: i + 1, endLine: i + 1, fingerprint: `v1:${i.toString(16).padStart(16, '0')}` };
  });
  return { ...base, findings };
}

describe('github-limits', () => {
  it('selectAnnotations keeps the order given and leaves room for the reserved ones', () => {
    const ordered = [...Array.from({ length: 15 }, () => ({ level: 'error' as const })), ...Array.from({ length: 60 }, () => ({ level: 'notice' as const }))];
    const picked = selectAnnotations(ordered, { error: 1, warning: 2, notice: 0 });
    expect(picked.chosen.filter((a) => a.level === 'error')).toHaveLength(9);
    expect(picked.chosen.filter((a) => a.level === 'notice')).toHaveLength(10);
    expect(picked.omitted).toBe(75 - 19);
  });

  it('bySeverity puts high before medium before low', () => {
    expect(bySeverity(sampleResult().findings).map((f) => f.severity)).toEqual([...sampleResult().findings].map((f) => f.severity).sort((a, b) => ['high', 'medium', 'low'].indexOf(a) - ['high', 'medium', 'low'].indexOf(b)));
  });

  it('fitSummary returns the whole report when it fits, and the most severe part that fits when not', () => {
    const result = manyFindings(100);
    const small = fitSummary(result, (r) => `${r.findings.length}\n`, 'the SARIF');
    expect(small).toEqual({ markdown: '100\n', listed: 100 });
    // A renderer whose output grows with the findings: 20,000 bytes each, so about 52 fit.
    const render = (r: ScanResult): string => `${'x'.repeat(20_000 * r.findings.length)}${(r.notices ?? []).join('\n')}`;
    const fitted = fitSummary(result, render, 'the SARIF');
    expect(Buffer.byteLength(fitted.markdown)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(fitted.listed).toBe(Math.floor((SUMMARY_LIMIT_BYTES - 200) / 20_000));
    expect(fitted.markdown).toContain(`lists the ${fitted.listed} most severe of 100 findings`);
  });

  it(`fitSarif keeps at most ${SARIF_MAX_RESULTS} results, most severe first, with a notification`, { timeout: 120_000 }, () => {
    const result = manyFindings(SARIF_MAX_RESULTS + 7);
    const fitted = fitSarif(result, (r) => toSarif(r, sampleContext()));
    expect(fitted.kept).toBe(SARIF_MAX_RESULTS);
    const log = JSON.parse(fitted.sarif) as { runs: { results: { level: string }[]; invocations: { toolExecutionNotifications?: { message: { text: string } }[] }[] }[] };
    expect(log.runs[0]?.results).toHaveLength(SARIF_MAX_RESULTS);
    const texts = (log.runs[0]?.invocations[0]?.toolExecutionNotifications ?? []).map((n) => n.message.text);
    expect(texts.some((text) => text.startsWith(`This SARIF holds the ${SARIF_MAX_RESULTS} most severe of ${SARIF_MAX_RESULTS + 7} findings`))).toBe(true);
  });
});
