import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { sarifSchemaErrors } from '../reporters/sarif/schema.js';
import { makeActionCheckout, runAction, type ActionResult } from './run-action.js';

// A Stripe test-mode key: the stripe-mode validator grades it medium.
const TEST_MODE_KEY = ['sk', 'test', 'Q7b9ZxW2kLm4Np8Rt6Yv3Hs1'].join('_');

let checkout: { dir: string; remove: () => Promise<void> };
beforeAll(async () => {
  checkout = await makeActionCheckout();
});
afterAll(() => checkout.remove());

/** A repository whose second commit adds `content` to config.js; the PR is commit 1..commit 2. */
async function pullRequest(content: string, inputs: Record<string, string> = {}, repository: Record<string, unknown> = {}): Promise<{ result: ActionResult; workspace: string }> {
  const workspace = await createRepo({ commits: [{ files: { 'README.md': '# app\n' } }, { files: { 'config.js': content } }] });
  const [head = '', base = ''] = git(workspace, ['rev-list', '-n', '2', 'HEAD']).trim().split('\n');
  const payload = { action: 'synchronize', number: 7, pull_request: { number: 7, base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: head } }, repository: { full_name: 'acme/app', default_branch: 'main', ...repository } };
  const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: head, GITHUB_HEAD_REF: 'feature' };
  return { result: await runAction({ checkout: checkout.dir, eventName: 'pull_request', payload, workspace, inputs, env }), workspace };
}

describe('the action on a pull request', () => {
  it('fails the step on a secret, with an annotation, SARIF, outputs and a summary, all redacted', async () => {
    const { result, workspace } = await pullRequest(`const a = 1;\nconst key = "${FAKE.stripe}";\n`);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error title=secretscan%3A Stripe secret key,file=config\.js,line=2,endLine=2,col=14,endColumn=46::Stripe secret key \(stripe\.secret-key, high\): sk_l…\(32\); added in commit [0-9a-f]{12}/m);
    expect(result.stdout).toMatch(/^::error::secretscan found 1 secret\(s\); 1 at or above fail-on: low/m);
    expect(result.outputs).toEqual({ findings: '1', 'sarif-file': 'secretscan.sarif' });
    const sarif = await readFile(join(workspace, 'secretscan.sarif'), 'utf8');
    const document = JSON.parse(sarif) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarifSchemaErrors(document)).toEqual([]);
    expect(document.runs[0]?.results.map((r) => r.ruleId)).toEqual(['stripe.secret-key']);
    expect(result.summary).toContain('stripe.secret-key');
    expect(result.summary).toContain('https://github.com/acme/app/blob/');
    for (const text of [result.stdout, result.stderr, result.summary, sarif]) expect(text).not.toContain(FAKE.stripe);
    expect(await readdir(result.runnerTemp)).toEqual([]);
  });

  it('passes a clean pull request and still writes an empty SARIF report', async () => {
    const { result, workspace } = await pullRequest('export const port = 8080;\n');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/^::(error|warning|notice)/m);
    expect(result.outputs).toEqual({ findings: '0', 'sarif-file': 'secretscan.sarif' });
    const document = JSON.parse(await readFile(join(workspace, 'secretscan.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(document.runs[0]?.results).toEqual([]);
    expect(result.summary).not.toBe('');
  });

  it('on a private repository, says once that the SARIF upload needs GitHub Code Security', async () => {
    const { result } = await pullRequest('export const port = 8080;\n', {}, { private: true, visibility: 'private' });
    expect(result.code).toBe(0);
    const notices = result.stdout.split('\n').filter((line) => line.startsWith('::notice'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('needs GitHub Code Security');
    expect(notices[0]).toContain('the annotations and the job summary still list every finding');
  });

  it('passes with fail-on: high when the only finding is medium, and still annotates it as a warning', async () => {
    const { result } = await pullRequest(`const key = "${TEST_MODE_KEY}";\n`, { 'fail-on': 'high' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^::warning title=secretscan%3A Stripe secret key,file=config\.js,line=1,/m);
    expect(result.outputs.findings).toBe('1');
    expect(result.stdout + result.summary).not.toContain(TEST_MODE_KEY);
  });

  it('fails with fail-on: medium on that medium finding, and never with fail-on: none', async () => {
    expect((await pullRequest(`const key = "${TEST_MODE_KEY}";\n`, { 'fail-on': 'medium' })).result.code).toBe(1);
    expect((await pullRequest(`const key = "${FAKE.stripe}";\n`, { 'fail-on': 'none' })).result.code).toBe(0);
  });

  it('writes the SARIF file where sarif-file says, creating its folder', async () => {
    const { result, workspace } = await pullRequest(`const key = "${FAKE.stripe}";\n`, { 'sarif-file': 'reports/scan.sarif' });
    expect(result.outputs['sarif-file']).toBe('reports/scan.sarif');
    expect(sarifSchemaErrors(JSON.parse(await readFile(join(workspace, 'reports', 'scan.sarif'), 'utf8')))).toEqual([]);
  });

  it("fails with the scanner's message when the config is invalid, and writes no report", async () => {
    const { result } = await pullRequest('export const port = 8080;\n', { config: 'missing.yaml' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::secretscan could not complete the scan \(exit 2\): .*missing\.yaml/m);
    expect(result.outputs['sarif-file']).toBeUndefined();
  });

  it('rejects an unknown fail-on value', async () => {
    const { result } = await pullRequest('export const port = 8080;\n', { 'fail-on': 'critical' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::secretscan: fail-on: "critical" is not a severity/m);
  });
});
