import { readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const PLANTED = [FAKE.stripe, FAKE.stripeOther, FAKE.stripeThird, FAKE.awsKeyId];

/**
 * One secret in each place: pushed (app.js and .env, on origin/main), unpushed (new.py, in the
 * last commit), staged (staged.js) and untracked (wt.txt).
 */
async function mixedRepo(): Promise<string> {
  const remote = await createRepo({ isBare: true });
  const root = await createRepo({ commits: [{ files: { 'app.js': `const key = "${FAKE.stripe}";\n`, '.env': `STRIPE_KEY=${FAKE.stripeOther}\n` } }] });
  git(root, ['remote', 'add', 'origin', remote]);
  git(root, ['push', '-q', 'origin', 'HEAD:refs/heads/main']);
  git(root, ['fetch', '-q', 'origin']);
  await writeFile(join(root, 'new.py'), `key = "${FAKE.stripeThird}"\n`);
  git(root, ['add', 'new.py']);
  git(root, ['commit', '-q', '-m', 'add new.py']);
  await writeFile(join(root, 'wt.txt'), `aws_access_key_id = ${FAKE.awsKeyId}\n`);
  return root;
}

/** The plan's numbered sections by title word: `1. Rotate…` -> { rotate: '…' }. */
function sections(stdout: string): Record<string, string> {
  const parts = stdout.split(/^(?=\d+\. )/m).slice(1);
  return Object.fromEntries(parts.map((part) => [(/^\d+\. (\S+)/.exec(part)?.[1] ?? '').toLowerCase().replace(/,$/, ''), part]));
}

describe('secretscan remediate', () => {
  it('prints one plan for the repository: rotate, fix, purge, force-push, verify, in that order, and exits 1', async () => {
    const root = await mixedRepo();
    const out = await runCli(['remediate'], { cwd: root });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^Remediation plan for 4 secrets: 2 pushed, 1 committed but not pushed, 1 never committed\./);
    expect(out.stdout.match(/^\d+\. .*$/gm)).toEqual([
      '1. Rotate every leaked credential first.',
      '2. Fix the code at HEAD.',
      '3. Purge every secret from history with one script.',
      '4. Force-push, then deal with the copies others hold.',
      '5. Verify that no copy is left.',
    ]);
    // One purge script for every secret, no rebase (it conflicts with filter-repo).
    expect(out.stdout.match(/\$ git filter-repo/g)).toHaveLength(1);
    expect(out.stdout.match(/remediate --write-replacements/g)).toHaveLength(1);
    expect(out.stdout).not.toMatch(/rebase|--amend/);
    const { purge, 'force-push': force } = sections(out.stdout);
    expect(purge).toContain('$ git filter-repo --force --replace-text ../secretscan-replacements.txt --invert-paths --path .env\n');
    expect(force).toContain('$ git push --force --all origin\n');
    expect(force).toMatch(/GitHub Support/);
    expect(force).toMatch(/re-clone/);
  });

  it('lists each secret once in a rotation checklist grouped by provider, with where to rotate it', async () => {
    const root = await mixedRepo();
    const { rotate } = sections((await runCli(['remediate'], { cwd: root })).stdout);
    expect(rotate).toContain('   Stripe: rotate at https://dashboard.stripe.com/apikeys\n');
    expect(rotate).toContain('   Amazon Web Services: rotate at https://console.aws.amazon.com/iam/home#/security_credentials\n');
    const items = rotate?.match(/^ {5}\[ \] .*$/gm) ?? [];
    expect(items).toHaveLength(4);
    expect(items.filter((item) => item.includes('stripe.secret-key'))).toHaveLength(3);
    expect(items.join('\n')).toMatch(/pushed: seen at `\.env:1`/);
    expect(items.join('\n')).toMatch(/never committed: seen at `wt\.txt:1`/);
    // Stripe's secrets are pushed, so Stripe comes before AWS, whose key was never committed.
    expect(rotate?.indexOf('Stripe:')).toBeLessThan(rotate?.indexOf('Amazon Web Services:') ?? 0);
  });

  it('names the exact lines at HEAD with a variable named after the code, and untracks .env', async () => {
    const root = await mixedRepo();
    const { fix } = sections((await runCli(['remediate'], { cwd: root })).stdout);
    expect(fix).toContain('[ ] app.js:1 (Stripe secret key `sk_l…(32)`, in `key`): read it from the environment variable `STRIPE_KEY`\n');
    expect(fix).toContain('[ ] new.py:1 (Stripe secret key `sk_l…(32)`, in `key`): read it from the environment variable `STRIPE_KEY`\n');
    expect(fix).toContain('[ ] wt.txt:1 (AWS access key id `AKIA…(20)`, in `aws_access_key_id`, not committed): read it from the environment variable `AWS_ACCESS_KEY_ID`\n');
    expect(fix).not.toMatch(/\.env:1 \(/);
    expect(fix).toContain('$ git rm --cached -- .env\n');
    expect(fix).toMatch(/\$ printf '%s\\n' \.env '\.env\.\*' .* >> \.gitignore\n/);
    expect(fix).toContain('$ git add -- app.js new.py .gitignore\n');
  });

  it('names the variable in the code, not the rule: POSTGRES_PASSWORD, uw_api_token -> UW_API_TOKEN', async () => {
    const token = ['0f8e2b1c', '3d4a', '4b5c', '9e6f', '7a8b9c0d1e2f'].join('-');
    const root = await createRepo({
      commits: [{ files: { 'compose.yml': 'services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: dev\n', 'src/uw.js': `\n\nconst uw_api_token = "${token}";\n` } }],
    });
    const { fix } = sections((await runCli(['remediate'], { cwd: root })).stdout);
    expect(fix).toMatch(/\[ \] compose\.yml:5 \(.*, in `POSTGRES_PASSWORD`\): read it from the environment variable `POSTGRES_PASSWORD`\n/);
    expect(fix).toMatch(/\[ \] src\/uw\.js:3 \(Unusual Whales API token .*, in `uw_api_token`\): read it from the environment variable `UW_API_TOKEN`\n/);
    expect(fix).not.toContain('DATABASE_CONTAINER_ENV_PASSWORD');
  });

  it('plans a secret that was never committed without a purge or a force-push', async () => {
    const root = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }], staged: { 'staged.js': `k = "${FAKE.stripe}"\n` } });
    const out = await runCli(['remediate', '--staged'], { cwd: root });
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^Remediation plan for 1 secret: 1 never committed\./);
    expect(out.stdout).toContain('[ ] staged.js:1 (Stripe secret key `sk_l…(32)`, in `k`, not committed)');
    expect(out.stdout).not.toMatch(/filter-repo|push --force/);
    expect(out.stdout).toContain('$ secretscan scan --staged');
  });

  it('purges a secret that is only in history, with nothing to fix at HEAD', async () => {
    const remote = await createRepo({ isBare: true });
    const root = await createRepo({ commits: [{ files: { 'cfg.js': `k = "${FAKE.stripe}"\n` } }, { files: { 'cfg.js': 'k = process.env.KEY\n' } }] });
    git(root, ['remote', 'add', 'origin', remote]);
    git(root, ['push', '-q', 'origin', 'HEAD:refs/heads/main']);
    git(root, ['fetch', '-q', 'origin']);
    const out = await runCli(['remediate'], { cwd: root });
    expect(out.code).toBe(1);
    const { fix, purge } = sections(out.stdout);
    expect(fix).not.toContain('[ ]');
    expect(purge).toContain('$ git filter-repo --force --replace-text ../secretscan-replacements.txt\n');
  });

  it('exits 0 with nothing to fix', async () => {
    const root = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    const out = await runCli(['remediate'], { cwd: root });
    expect(out).toMatchObject({ code: 0, stdout: 'Nothing to fix: no secrets found.\n' });
  });

  it('never prints a raw secret, in any format, also with --write-replacements and --debug', async () => {
    const root = await mixedRepo();
    const dir = await makeTempDir('secretscan-repl-');
    for (const format of ['text', 'markdown']) {
      const out = await runCli(['remediate', '--format', format, '--debug', '--write-replacements', join(dir, `${format}.txt`)], { cwd: root });
      expect(out.code).toBe(1);
      for (const secret of PLANTED) {
        expect(out.stdout).not.toContain(secret);
        expect(out.stderr).not.toContain(secret);
      }
    }
  });

  it('writes the replace-text input with mode 0600, printing only its path and count', async () => {
    const root = await mixedRepo();
    const file = join(await makeTempDir('secretscan-repl-'), 'replacements.txt');
    const out = await runCli(['remediate', '--write-replacements', file], { cwd: root });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`wrote 8 replacement lines to ${file} (mode 0600)`);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n').sort();
    // Each value as is and base64-encoded, the form a Kubernetes Secret or a config may hold it in.
    expect(lines).toEqual(
      PLANTED.flatMap((secret) => [secret, Buffer.from(secret).toString('base64')])
        .map((value) => `${value}==>REMOVED-BY-SECRETSCAN`)
        .sort(),
    );
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses to write the replacements file inside the repository', async () => {
    const root = await mixedRepo();
    const out = await runCli(['remediate', '--write-replacements', 'repl.txt'], { cwd: root });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/inside the repository/);
  });

  it('refuses a replacements path that leads back inside through a symlinked directory', async () => {
    const root = await mixedRepo();
    const outside = await makeTempDir('secretscan-link-');
    await symlink(root, join(outside, 'back-inside'));
    const out = await runCli(['remediate', '--write-replacements', join(outside, 'back-inside', 'repl.txt')], { cwd: root });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/inside the repository/);
  });

  it('prints the plan as JSON with --format json: the secrets with their place, then the steps in order; no raw value', async () => {
    const root = await mixedRepo();
    const out = await runCli(['remediate', '--format', 'json'], { cwd: root });
    expect(out.code).toBe(1);
    const report = JSON.parse(out.stdout) as {
      version: number;
      secrets: { location: { place: string } }[];
      steps: { kind: string; commands?: string[]; edits?: { path: string; line: number; envName: string }[]; providers?: { providerName: string }[] }[];
    };
    expect(report.version).toBe(2);
    expect(report.secrets.map((secret) => secret.location.place).sort()).toEqual(['pushed', 'pushed', 'unpushed', 'working-tree']);
    expect(report.steps.map((step) => step.kind)).toEqual(['rotate', 'fix', 'purge', 'publish', 'verify']);
    expect(report.steps[0]?.providers?.map((group) => group.providerName)).toEqual(['Stripe', 'Amazon Web Services']);
    expect(report.steps[1]?.edits).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'app.js', line: 1, envName: 'STRIPE_KEY' })]));
    expect(report.steps[2]?.commands?.filter((command) => command.startsWith('git filter-repo'))).toHaveLength(1);
    for (const planted of PLANTED) expect(out.stdout).not.toContain(planted);
  });

  it('renders Markdown with one numbered heading per step and task lists', async () => {
    const root = await mixedRepo();
    const out = await runCli(['remediate', '--format', 'markdown'], { cwd: root });
    expect(out.stdout).toMatch(/^# Remediation plan\n/);
    expect(out.stdout.match(/^## \d\. .*$/gm)).toEqual([
      '## 1. Rotate every leaked credential first',
      '## 2. Fix the code at HEAD',
      '## 3. Purge every secret from history with one script',
      '## 4. Force-push, then deal with the copies others hold',
      '## 5. Verify that no copy is left',
    ]);
    expect(out.stdout).toContain('### Stripe\n');
    expect(out.stdout).toContain('- [ ] `app.js:1` (Stripe secret key `sk_l…(32)`, in `key`): read it from the environment variable `STRIPE_KEY`');
    expect(out.stdout).toContain('```sh\ngit fetch --prune --tags origin\n');
  });

  it('prints repository paths with escape sequences as escapes, in text, Markdown and JSON, with commands that still name the file', async () => {
    const name = 'evil\u001b]0;pwned\u0007\u202e.pem';
    const root = await createRepo({ commits: [{ files: { [name]: `K=${FAKE.stripe}\n` } }] });
    for (const format of ['text', 'markdown', 'json']) {
      const out = await runCli(['remediate', '--format', format], { cwd: root });
      expect(out.code, format).toBe(1);
      expect(out.stdout, format).not.toMatch(/[\u001b\u0007\u202e]/);
      if (format === 'json') expect(JSON.parse(out.stdout).secrets[0].path).toBe(name);
      else expect(out.stdout, format).toContain('evil\\x1b]0;pwned\\x07\\u202e.pem');
    }
    expect((await runCli(['remediate'], { cwd: root })).stdout).toContain("$ git rm --cached -- $'evil\\x1b]0;pwned\\x07\\u202e.pem'\n");
  });
});
