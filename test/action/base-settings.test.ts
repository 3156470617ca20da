import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { makeActionCheckout, runAction, type ActionResult } from './run-action.js';

let checkout: { dir: string; remove: () => Promise<void> };
beforeAll(async () => {
  checkout = await makeActionCheckout();
});
afterAll(() => checkout.remove());

/** A repository with `base` then `head` committed; the event is `eventName` from base to head. */
async function proposal(base: Record<string, string>, head: Record<string, string>, eventName = 'pull_request'): Promise<ActionResult> {
  const workspace = await createRepo({ commits: [{ files: { 'README.md': '# app\n', ...base } }, { files: head }] });
  const [headSha = '', baseSha = ''] = git(workspace, ['rev-list', '-n', '2', 'HEAD']).trim().split('\n');
  const payload = eventName === 'merge_group' ? { merge_group: { base_sha: baseSha, head_sha: headSha } } : { pull_request: { base: { sha: baseSha }, head: { sha: headSha } } };
  return runAction({ checkout: checkout.dir, eventName, payload, workspace });
}

const ALLOW_EVERYTHING = 'allowlist:\n  - reason: nothing to see here\n    paths: ["**"]\n';

describe('a pull request cannot switch its own scan off', () => {
  it.each(['pull_request', 'pull_request_target', 'merge_group'])('%s: a config added with the key, allowlisting "**", is not used; the change is reported', async (eventName) => {
    const result = await proposal({}, { '.secretscan.yaml': ALLOW_EVERYTHING, 'app.js': `const key = "${FAKE.stripe}";\n` }, eventName);
    expect(result.code).toBe(1);
    expect(result.outputs.findings).toBe('1');
    expect(result.stdout).toMatch(
      /^::warning title=secretscan%3A this pull request changes how it is scanned,file=\.secretscan\.yaml::This pull request adds \.secretscan\.yaml, which sets up the scan\. The scan used the version in the base commit [0-9a-f]{12}/m,
    );
    expect(result.summary).toContain('This pull request adds .secretscan.yaml, which sets up the scan.');
    expect(result.stdout).toContain('the config, baseline and ignore file come from the base commit');
  });

  it('a baseline or ignore file the pull request changes is not used either', async () => {
    const result = await proposal({ '.secretscanignore': '# fingerprints\n' }, { '.secretscanignore': 'v1:0000000000000000\n', 'app.js': `const key = "${FAKE.stripe}";\n` });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::warning title=secretscan%3A this pull request changes how it is scanned,file=\.secretscanignore::This pull request changes \.secretscanignore/m);
  });

  it('a config the pull request deletes still applies (from the base), and the deletion is reported', async () => {
    const result = await proposal({ '.secretscan.yaml': 'allowlist:\n  - reason: fixtures\n    paths: ["fixtures/"]\n' }, { 'fixtures/a.js': `k = "${FAKE.stripe}";\n` });
    expect(result.code).toBe(0);
    const deleted = await (async () => {
      const workspace = await createRepo({ commits: [{ files: { 'README.md': '# app\n', '.secretscan.yaml': ALLOW_EVERYTHING.replace('"**"', '"fixtures/"') } }, { files: { 'fixtures/a.js': `k = "${FAKE.stripe}";\n` } }] });
      git(workspace, ['rm', '-q', '.secretscan.yaml']);
      git(workspace, ['commit', '-q', '-m', 'drop the config']);
      const [head = '', , base = ''] = git(workspace, ['rev-list', '-n', '3', 'HEAD']).trim().split('\n');
      return runAction({ checkout: checkout.dir, eventName: 'pull_request', payload: { pull_request: { base: { sha: base }, head: { sha: head } } }, workspace });
    })();
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toMatch(/^::warning title=secretscan%3A this pull request changes how it is scanned::This pull request deletes \.secretscan\.yaml/m);
  });

  it('calls out a base config that allowlists everything, in the summary', async () => {
    const result = await proposal({ '.secretscan.yaml': ALLOW_EVERYTHING }, { 'app.js': `const key = "${FAKE.stripe}";\n` });
    expect(result.code).toBe(0);
    expect(result.summary).toContain('suppresses every finding in every file: nothing can be reported while it stands.');
    expect(result.summary).toMatch(/\d+ rules ran; suppressed: /);
  });

  it('a pull request adding a .env with values no rule recognises fails (the range is audited for secret-bearing files)', async () => {
    const result = await proposal({}, { '.env': 'APP_MODE=production\nINTERNAL_TOKEN=blue-cactus-lamp\n' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::(error|warning|notice) .*file=\.env/m);
  });
});

describe('the working-directory and args inputs', () => {
  it('scans the repository in working-directory, with args applied, and writes the SARIF relative to the workspace', async () => {
    const outer = await createRepo({ commits: [{ files: { 'README.md': 'outer\n' } }] });
    const inner = await createRepo({ commits: [{ files: { 'README.md': '# app\n' } }, { files: { 'app.js': `const key = "${FAKE.stripe}";\n`, '.env': 'MODE=dev\n' } }] });
    const { cp } = await import('node:fs/promises');
    const { join } = await import('node:path');
    await cp(inner, join(outer, 'services', 'app'), { recursive: true });
    const repo = join(outer, 'services', 'app');
    const [head = '', base = ''] = git(repo, ['rev-list', '-n', '2', 'HEAD']).trim().split('\n');
    const payload = { pull_request: { base: { sha: base }, head: { sha: head } } };
    const inputs = { 'working-directory': 'services/app', args: '--no-gitignore-audit --max-file-size "1 MiB"' };
    const result = await runAction({ checkout: checkout.dir, eventName: 'pull_request', payload, workspace: outer, inputs });
    expect(result.code).toBe(1);
    // The key is found; the .env is not audited (--no-gitignore-audit).
    expect(result.outputs.findings).toBe('1');
    expect(result.outputs['sarif-file']).toBe('secretscan.sarif');
    const refused = await runAction({ checkout: checkout.dir, eventName: 'pull_request', payload, workspace: outer, inputs: { ...inputs, args: '--show-secrets' } });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^::error::secretscan: args: /m);
    expect(refused.stdout).not.toContain(FAKE.stripe);
  });
});
