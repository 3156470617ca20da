import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeActionCheckout, runAction, type ActionResult } from './run-action.js';

let checkout: { dir: string; remove: () => Promise<void> };
beforeAll(async () => {
  checkout = await makeActionCheckout();
});
afterAll(() => checkout.remove());

/**
 * A pull request adding a secret to config.js. `baseFiles` are in its base commit: on a pull
 * request the config and baseline are read from there, never from the work tree.
 */
async function workspaceWithSecret(baseFiles: Record<string, string> = {}): Promise<{ workspace: string; payload: unknown }> {
  const workspace = await createRepo({ commits: [{ files: { 'README.md': '# app\n', ...baseFiles } }, { files: { 'config.js': `k = "${FAKE.stripe}";\n` } }] });
  const [head = '', base = ''] = git(workspace, ['rev-list', '-n', '2', 'HEAD']).trim().split('\n');
  return { workspace, payload: { pull_request: { base: { sha: base }, head: { sha: head } } } };
}

function run(workspace: string, payload: unknown, inputs: Record<string, string>): Promise<ActionResult> {
  return runAction({ checkout: checkout.dir, eventName: 'pull_request', payload, workspace, inputs });
}

describe('the config and baseline inputs', () => {
  it('uses the config file the config input names', async () => {
    const { workspace, payload } = await workspaceWithSecret({ 'ci/secretscan.yaml': 'allowlist:\n  - reason: fixture\n    paths: [config.js]\n' });
    expect((await run(workspace, payload, {})).code).toBe(1);
    const result = await run(workspace, payload, { config: 'ci/secretscan.yaml' });
    expect(result.code).toBe(0);
    expect(result.outputs.findings).toBe('0');
  });

  it('passes the baseline input to the scan: recorded findings are not reported', async () => {
    // The baseline is recorded in a first copy, then committed to the base of the pull request.
    const first = await workspaceWithSecret();
    await mkdir(join(first.workspace, 'ci'));
    const recorded = await runCli(['baseline', '--output', 'ci/known.json'], { cwd: first.workspace });
    expect(recorded.code).toBe(0);
    const { workspace, payload } = await workspaceWithSecret({ 'ci/known.json': await readFile(join(first.workspace, 'ci', 'known.json'), 'utf8') });
    const result = await run(workspace, payload, { baseline: 'ci/known.json' });
    expect(result.code).toBe(0);
    expect(result.outputs.findings).toBe('0');
    expect(result.stdout + result.summary).not.toContain(FAKE.stripe);
  });

  it('times a custom rule from the config with the bundled timing worker, refusing a quadratic one', { timeout: 60_000 }, async () => {
    const provider = "    - provider: {id: acme, name: Acme, remediation: {rotateUrl: 'https://acme.test/rotate', steps: [Rotate the token]}}\n";
    const rule = [
      '      - id: acme.quadratic',
      '        name: Acme quadratic token',
      '        description: Scans to the next semicolon, however far.',
      '        severity: high',
      "        pattern: 'quadratic-token=(?<secret>[^;]*);'",
      '        keywords: [quadratic-token=]',
      '        references: [https://acme.test/tokens]',
      '        tags: [internal]',
      "        examples: ['quadratic-token=q8w7e6r5t4;', 'quadratic-token=z9x8c7v6b5;']",
      "        negativeExamples: ['quadratic-token q8w7e6r5t4']",
    ].join('\n');
    const { workspace, payload } = await workspaceWithSecret({ 'ci/secretscan.yaml': `rules:\n  custom:\n${provider}      rules:\n${rule}\n` });
    const result = await run(workspace, payload, { config: 'ci/secretscan.yaml' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::secretscan could not complete the scan \(exit 2\): .*acme\.quadratic: (not linear|too slow): /m);
    expect(result.stdout).not.toContain('timing worker is missing');
  });
});
