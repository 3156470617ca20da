import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { access, constants, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HOOK_BLOCK, HOOK_MARKER } from '../../src/init/index.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, fixtureGitEnv, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { commitThroughHook, scannerOnPath, stageFiles } from './commit-through-hook.js';

async function repoWithPackageJson(packageJson: string, extra: Record<string, string> = {}) {
  return createRepo({ commits: [{ files: { 'package.json': packageJson, ...extra } }] });
}

async function initRepo(repo: string, args: string[] = []) {
  const run = await runCli(['init', ...args], { cwd: repo });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run;
}

/** Every file under the work tree (not .git) with its bytes. */
function snapshot(repo: string): string {
  const files = git(repo, ['ls-files', '--cached', '--others', '--exclude-standard']).split('\n').filter(Boolean);
  return files.map((file) => `${file}\n${readFileSync(join(repo, file), 'utf8')}`).join('\n---\n');
}

describe('secretscan init with a package.json (husky)', () => {
  it('adds husky and the prepare script, keeping 4-space indentation and key order', async () => {
    const original = '{\n    "name": "demo",\n    "version": "1.0.0",\n    "scripts": {\n        "test": "vitest"\n    },\n    "devDependencies": {\n        "vitest": "^4.0.0"\n    }\n}\n';
    const repo = await repoWithPackageJson(original);
    const run = await initRepo(repo);
    const text = await readFile(join(repo, 'package.json'), 'utf8');
    expect(text).toBe(
      '{\n    "name": "demo",\n    "version": "1.0.0",\n    "scripts": {\n        "test": "vitest",\n        "prepare": "husky || true"\n    },\n    "devDependencies": {\n        "husky": "^9.1.7",\n        "vitest": "^4.0.0"\n    }\n}\n',
    );
    // Run from a development checkout, init cannot tell a secretscan spec that resolves: it adds none and says so.
    expect(run.stdout).toContain('updated package.json: added devDependencies husky ^9.1.7; set scripts.prepare to "husky || true"');
    expect(run.stdout).toContain('next: add secretscan to devDependencies');
    expect(run.stdout).toContain('created .husky/pre-commit');
    expect(run.stdout).toContain('created .secretscan.yaml');
    expect(run.stdout).toContain('next: run `npm install`');
    expect(await readFile(join(repo, '.husky', 'pre-commit'), 'utf8')).toBe(HOOK_BLOCK);
    await access(join(repo, '.husky', 'pre-commit'), constants.X_OK);
  });

  it('keeps tab indentation and a missing final newline, and skips dependencies that are already there', async () => {
    const original = '{\n\t"name": "demo",\n\t"dependencies": {\n\t\t"secretscan": "^0.0.1"\n\t}\n}';
    const repo = await repoWithPackageJson(original);
    await initRepo(repo);
    const text = await readFile(join(repo, 'package.json'), 'utf8');
    expect(text).toBe('{\n\t"name": "demo",\n\t"dependencies": {\n\t\t"secretscan": "^0.0.1"\n\t},\n\t"devDependencies": {\n\t\t"husky": "^9.1.7"\n\t},\n\t"scripts": {\n\t\t"prepare": "husky || true"\n\t}\n}');
  });

  it('extends an existing prepare script once', async () => {
    const repo = await repoWithPackageJson('{\n  "scripts": {\n    "prepare": "npm run build"\n  }\n}\n');
    await initRepo(repo);
    const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { scripts: { prepare: string } };
    expect(pkg.scripts.prepare).toBe('npm run build && (husky || true)');
    await initRepo(repo);
    const again = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { scripts: { prepare: string } };
    expect(again.scripts.prepare).toBe('npm run build && (husky || true)');
  });

  it('is idempotent: a second run leaves every file byte-identical and says so', async () => {
    const repo = await repoWithPackageJson('{\n  "name": "demo"\n}\n');
    await initRepo(repo, ['--github']);
    const before = snapshot(repo);
    const second = await initRepo(repo, ['--github']);
    expect(snapshot(repo)).toBe(before);
    expect(second.stdout).toContain('unchanged package.json');
    expect(second.stdout).toContain('unchanged .husky/pre-commit: already runs secretscan');
    expect(second.stdout).toContain('unchanged .secretscan.yaml');
    expect(second.stdout).toContain('unchanged .github/workflows/secretscan.yml');
    expect(second.stdout).toContain('already set up here: nothing to change');
  });

  it('puts the check first in an existing .husky/pre-commit, once: their commands run after it', async () => {
    const theirs = 'npm test\n';
    const repo = await repoWithPackageJson('{\n  "name": "demo"\n}\n', { '.husky/pre-commit': theirs });
    const run = await initRepo(repo);
    expect(run.stdout).toContain('updated .husky/pre-commit: put the secretscan check first; your commands run after it');
    const hook = await readFile(join(repo, '.husky', 'pre-commit'), 'utf8');
    expect(hook).toBe(`${HOOK_BLOCK}\n${theirs}`);
    await initRepo(repo);
    const again = await readFile(join(repo, '.husky', 'pre-commit'), 'utf8');
    expect(again).toBe(hook);
    expect(again.split(HOOK_MARKER)).toHaveLength(2);
  });

  it('blocks a secret through the real husky runner (which runs the hook with sh -e)', async () => {
    const repo = await repoWithPackageJson('{\n  "name": "demo",\n  "devDependencies": {\n    "secretscan": "file:../secretscan.tgz"\n  }\n}\n', { '.husky/pre-commit': 'echo "their hook ran" >&2\nexit 0\n' });
    await initRepo(repo);
    // What `npm install` would do through the prepare script: husky points git at .husky/_.
    const husky = fileURLToPath(new URL('../../node_modules/husky/index.js', import.meta.url));
    execFileSync(process.execPath, ['--input-type=module', '-e', `import husky from ${JSON.stringify(husky)}; process.stdout.write(husky());`], { cwd: repo, env: fixtureGitEnv() });
    expect(git(repo, ['config', 'core.hooksPath']).trim()).toBe('.husky/_');
    const settled = await initRepo(repo);
    expect(settled.stdout).not.toContain('next:');

    await stageFiles(repo, { 'src/keys.ts': `export const stripeKey = "${FAKE.stripe}";\n` });
    const blocked = commitThroughHook(repo, await scannerOnPath());
    expect(blocked.status).not.toBe(0);
    // The check runs first and stops the commit: their command never runs.
    expect(blocked.stderr).not.toContain('their hook ran');
    expect(blocked.stderr).toContain('secretscan blocked this commit');
    expect(blocked.stderr).toContain('git commit --no-verify');
    expect(blocked.stdout + blocked.stderr).not.toContain(FAKE.stripe);

    await writeFile(join(repo, 'src', 'keys.ts'), 'export const stripeKey = process.env.STRIPE_KEY;\n');
    git(repo, ['add', 'src/keys.ts']);
    const clean = commitThroughHook(repo, await scannerOnPath());
    expect(clean.stderr).toContain('their hook ran');
    expect(clean.stderr).not.toContain('blocked');
    expect(clean.status).toBe(0);
  });

  it('refuses an invalid package.json with exit 2 and writes nothing', async () => {
    // V8 quotes the text around some syntax errors; the message must not pass that on.
    const repo = await repoWithPackageJson(`{\n  "name": "demo",\n  "token": x"${FAKE.stripe}"\n}\n`);
    const run = await runCli(['init'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('package.json: not valid JSON');
    expect(run.stdout + run.stderr).not.toContain(FAKE.stripe.slice(0, 10));
    await expect(access(join(repo, '.husky'))).rejects.toThrow();
  });
});
