import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { makeActionCheckout, runAction, type ActionResult } from './run-action.js';

let checkout: { dir: string; remove: () => Promise<void> };
beforeAll(async () => {
  checkout = await makeActionCheckout();
});
afterAll(() => checkout.remove());

/** A pull request (in a Node project) adding these files. */
async function pullRequestAdding(files: Record<string, string>): Promise<ActionResult> {
  const workspace = await createRepo({ commits: [{ files: { 'README.md': '# app\n', 'package.json': '{ "name": "app" }\n' } }, { files }] });
  const [head = '', base = ''] = git(workspace, ['rev-list', '-n', '2', 'HEAD']).trim().split('\n');
  const payload = { pull_request: { base: { sha: base }, head: { sha: head } }, repository: { default_branch: 'main' } };
  return runAction({ checkout: checkout.dir, eventName: 'pull_request', payload, workspace, inputs: { 'fail-on': 'none' } });
}

describe('the job summary', () => {
  it('ends with one remediation plan for the repository: a checklist per provider, the lines to fix, one purge script', { timeout: 120_000 }, async () => {
    const token = ['0f8e2b1c', '3d4a', '4b5c', '9e6f', '7a8b9c0d1e2f'].join('-');
    const result = await pullRequestAdding({
      'src/a.js': `const key = "${FAKE.stripe}";\n`,
      'src/b.js': `\nexport const key = '${FAKE.stripe}';\n`,
      'src/uw.js': `const uw_api_token = "${token}";\n`,
      '.env': `API_KEY=${FAKE.stripeOther}\n`,
    });
    const { summary } = result;
    expect(summary).not.toContain('How to fix');
    expect(summary.match(/^### Remediation plan$/gm)).toHaveLength(1);
    expect(summary.match(/^#### \d\. .*$/gm)).toEqual([
      '#### 1. Rotate every leaked credential first',
      '#### 2. Fix the code at HEAD',
      '#### 3. Purge every secret from history with one script',
      '#### 4. Force-push, then deal with the copies others hold',
      '#### 5. Verify that no copy is left',
    ]);
    expect(summary).toContain('##### Stripe\n');
    expect(summary).toContain('##### Unusual Whales\n');
    expect(summary).toContain('- [ ] `src/b.js:2` (Stripe secret key `sk_l…(32)`, in `key`): read it from the environment variable `STRIPE_KEY`');
    expect(summary).toContain('- [ ] `src/uw.js:1` (Unusual Whales API token `0f8e…(36)`, in `uw_api_token`): read it from the environment variable `UW_API_TOKEN`');
    expect(summary.match(/^git filter-repo /gm)).toEqual(['git filter-repo ']);
    expect(summary).toContain('\ngit filter-repo --force --replace-text ../secretscan-replacements.txt --invert-paths --path .env\n');
    expect(summary).toContain('\nnpx secretscan remediate --write-replacements ../secretscan-replacements.txt > /dev/null\n');
    expect(summary).toContain('\ngit rm --cached -- .env\n');
    for (const secret of [FAKE.stripe, FAKE.stripeOther, token]) expect(summary).not.toContain(secret);
  });

  it('keeps the plan within the 1 MiB summary cap with thousands of findings', { timeout: 300_000 }, async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const key = (): string => ['sk', 'live', [...randomBytes(28)].map((byte) => alphabet[byte % alphabet.length]).join('')].join('_');
    const files: Record<string, string> = {};
    for (let f = 0; f < 40; f++) files[`${'d'.repeat(120)}/keys-${f}.js`] = `${Array.from({ length: 100 }, () => `const key = "${key()}";`).join('\n')}\n`;
    const result = await pullRequestAdding(files);
    expect(result.outputs.findings).toBe('4000');
    expect(Buffer.byteLength(result.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(result.summary).toMatch(/This summary lists the \d+ most severe of 4000 findings/);
    expect(result.summary.match(/^### Remediation plan$/gm)).toHaveLength(1);
    expect(result.summary.match(/^git filter-repo /gm)).toHaveLength(1);
    expect(result.summary).toContain('#### 5. Verify that no copy is left');
  });
});
