import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, fixtureGitEnv, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

function hasFilterRepo(): boolean {
  try {
    execFileSync('git', ['filter-repo', '--version'], { env: fixtureGitEnv(), stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const isInstalled = hasFilterRepo();
const isCi = (process.env.CI ?? '') !== '';
const MISSING = 'git filter-repo is not installed: the proof that `secretscan remediate` purges a pushed secret cannot run (install it with `apt-get install git-filter-repo` or `pip install git-filter-repo`)';
if (!isInstalled && !isCi) console.warn(`SKIPPED: ${MISSING}`);

describe('the remediate plan, executed for real, removes pushed secrets from the repository and its remote', () => {
  it.runIf(!isInstalled && isCi)('needs git filter-repo in CI', () => {
    throw new Error(MISSING);
  });

  it.skipIf(!isInstalled)('replace-text for a value in source, invert-paths for .env, force-push, then scan --history finds nothing here or in a fresh clone', async () => {
    const remote = await createRepo({ isBare: true });
    const root = await createRepo({
      commits: [{ files: { 'app.js': `const key = "${FAKE.stripe}";\n`, '.env': `STRIPE_KEY=${FAKE.stripeOther}\n`, 'README.md': 'hi\n' } }, { files: { 'README.md': 'hello\n' } }],
    });
    git(root, ['remote', 'add', 'origin', remote]);
    git(root, ['push', '-q', 'origin', 'HEAD:refs/heads/main']);
    git(root, ['fetch', '-q', 'origin']);
    git(root, ['tag', 'v1', 'HEAD~1']);
    git(root, ['push', '-q', '--tags', 'origin']);

    const before = await runCli(['scan', '--history'], { cwd: root });
    expect(before.code).toBe(1);

    const replacements = join(await makeTempDir('secretscan-proof-'), 'replacements.txt');
    const plan = await runCli(['remediate', '--write-replacements', replacements], { cwd: root });
    expect(plan.code).toBe(1);
    expect(plan.stdout).toMatch(/^ {3}\$ git filter-repo --force --replace-text \S*replacements\.txt --invert-paths --path \.env$/m);

    // The plan's commands, in its order (one filter-repo run for the values and the .env).
    git(root, ['filter-repo', '--force', '--replace-text', replacements, '--invert-paths', '--path', '.env']);
    git(root, ['remote', 'add', 'origin', remote]);
    git(root, ['push', '-q', '--force', '--all', 'origin']);
    git(root, ['push', '-q', '--force', '--tags', 'origin']);

    const here = await runCli(['scan', '--history'], { cwd: root });
    expect(here.stdout).not.toMatch(/stripe/);
    expect(here.code).toBe(0);
    const clone = join(await makeTempDir('secretscan-clone-'), 'clone');
    git(root, ['clone', '-q', remote, clone]);
    const fresh = await runCli(['scan', '--history'], { cwd: clone });
    expect(fresh.code).toBe(0);
    expect(git(clone, ['log', '--all', '--format=%H', '--', '.env']).trim()).toBe('');
  });
});
