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

function sections(stdout: string): string[] {
  return stdout.split(/^(?=Secret \d+ of \d+:)/m).filter((part) => part.startsWith('Secret '));
}

describe('secretscan remediate', () => {
  it('prints one plan per secret for where it lives, pushed first, and exits 1', async () => {
    const root = await mixedRepo();
    const out = await runCli(['remediate'], { cwd: root });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(1);
    const [env, app, py, wt] = sections(out.stdout);
    expect(sections(out.stdout)).toHaveLength(4);
    expect(env).toMatch(/Seen at: \.env:1/);
    expect(env).toMatch(/Where: pushed \(reachable from origin\/main\); still at HEAD/);
    expect(env).toMatch(/1\. Rotate or revoke the credential at Stripe first/);
    expect(env).toContain('$ git filter-repo --invert-paths --path .env --force');
    expect(env).toContain('$ git push --force --all origin');
    expect(env).toContain("$ echo '.env.*' >> .gitignore");
    expect(env).toContain('https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data-from-a-repository');
    expect(app).toMatch(/Seen at: app\.js:1/);
    expect(app).toContain('$ git filter-repo --replace-text ../secretscan-replacements.txt --force');
    expect(app).not.toContain('--invert-paths');
    expect(py).toMatch(/Where: committed in 1 commit not pushed to any remote; still at HEAD/);
    expect(py).toContain('$ git commit --amend --no-edit');
    expect(py).not.toContain('filter-repo --replace-text');
    expect(wt).toMatch(/Where: never committed: only in the working tree/);
    expect(wt).not.toMatch(/Rotate|filter-repo|rebase/);
  });

  it('says git restore --staged for a staged secret, and plans only for it with --staged', async () => {
    const root = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }], staged: { 'staged.js': `k = "${FAKE.stripe}"\n` } });
    const out = await runCli(['remediate', '--staged'], { cwd: root });
    expect(out.code).toBe(1);
    expect(sections(out.stdout)).toHaveLength(1);
    expect(out.stdout).toMatch(/never committed: only in the working tree and the index \(staged\)/);
    expect(out.stdout).toContain('$ git restore --staged -- staged.js');
  });

  it('uses an interactive rebase from the exact commit when the secret is older than the last commit', async () => {
    const root = await createRepo({
      commits: [{ files: { 'README.md': 'hi\n' } }, { files: { 'cfg.js': `k = "${FAKE.stripe}"\n` } }, { files: { 'README.md': 'hello\n' } }],
    });
    const sha = git(root, ['rev-parse', 'HEAD~1']).trim();
    const out = await runCli(['remediate', '--history'], { cwd: root });
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(`$ git rebase -i ${sha}^`);
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

  it('prints the plans as JSON with --format json: per secret its place and steps (rotate first once committed), no raw value', async () => {
    const root = await mixedRepo();
    const out = await runCli(['remediate', '--format', 'json'], { cwd: root });
    expect(out.code).toBe(1);
    const report = JSON.parse(out.stdout) as { version: number; secrets: { secretId: string; location: { place: string }; steps: { kind: string; commands: string[] }[] }[] };
    expect(report.version).toBe(1);
    expect(report.secrets).toHaveLength(4);
    for (const secret of report.secrets) expect(secret.steps[0]?.kind).toBe(secret.location.place === 'working-tree' ? 'remove' : 'rotate');
    expect(report.secrets.some((secret) => secret.location.place !== 'working-tree')).toBe(true);
    for (const planted of PLANTED) expect(out.stdout).not.toContain(planted);
  });

  it('renders Markdown with a heading per secret', async () => {
    const root = await mixedRepo();
    const out = await runCli(['remediate', '--format', 'markdown'], { cwd: root });
    expect(out.stdout).toMatch(/^# Fixing 4 leaked secrets\n/);
    expect(out.stdout.match(/^## Secret \d of 4: /gm)).toHaveLength(4);
    expect(out.stdout).toContain('```sh');
  });

  it('prints repository paths with escape sequences as escapes, in text and Markdown, with commands that still name the file', async () => {
    const name = 'evil\u001b]0;pwned\u0007.pem';
    const root = await createRepo({ commits: [{ files: { [name]: `K=${FAKE.stripe}\n` } }] });
    for (const format of ['text', 'markdown']) {
      const out = await runCli(['remediate', '--format', format], { cwd: root });
      expect(out.code, format).toBe(1);
      expect(out.stdout, format).not.toMatch(/[\u001b\u0007]/);
      expect(out.stdout, format).toContain('evil\\x1b]0;pwned\\x07.pem');
    }
    expect((await runCli(['remediate'], { cwd: root })).stdout).toContain("git rm --cached $'evil\\x1b]0;pwned\\x07.pem'");
  });
});
