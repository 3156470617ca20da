import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { git } from '../helpers/git-repo.js';
import { commit, npmEnv, packTarball, runOk, sourceRepository, userProject } from '../helpers/packed-package.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Installs of the packed tarball (`npm pack`), as a devDependency, globally, with husky, the plain
// git hook and lint-staged, each committing through real git. The registry is used for
// dependencies only. Slow: one pack (a build) and several npm installs.

const SLOW = 600_000;
const SECRET_FILE = `export const stripeKey = "${FAKE.stripe}";\n`;
const CLEAN_FILE = 'export const stripeKey = process.env.STRIPE_KEY;\n';

let source = '';
let tarball = '';
let packStdout = '';

beforeAll(async () => {
  source = (await sourceRepository({ shouldLinkNodeModules: true })).dir;
  ({ tarball, stdout: packStdout } = await packTarball(source));
}, SLOW);

/** Stages `src/keys.ts` with `text` and commits through the installed hooks. */
async function commitKeys(repo: string, text: string, extraPath: string[] = []) {
  await writeFile(join(repo, 'keys.ts'), text);
  git(repo, ['add', 'keys.ts']);
  return commit(repo, 'keys', extraPath);
}

describe(
  'the packed package',
  () => {
    it('npm pack prints only the tarball name on stdout, and leaves package.json as it was', async () => {
      expect(packStdout).toBe('secretscan-0.1.0.tgz\n'.replace('0.1.0', JSON.parse(await readFile(join(source, 'package.json'), 'utf8')).version as string));
      expect(git(source, ['status', '--porcelain', '--', 'package.json', 'package-lock.json'])).toBe('');
    });

    it('holds a LICENSE (MIT) and no lifecycle script that runs on an install', async () => {
      const unpacked = await makeTempDir();
      runOk('tar', ['-xzf', tarball, '-C', unpacked], { cwd: unpacked });
      expect(await readFile(join(unpacked, 'package', 'LICENSE'), 'utf8')).toContain('MIT License');
      const manifest = JSON.parse(await readFile(join(unpacked, 'package', 'package.json'), 'utf8')) as { license: string; scripts?: Record<string, string> };
      expect(manifest.license).toBe('MIT');
      expect(Object.keys(manifest.scripts ?? {}).sort()).toEqual(['postpack', 'prepack']);
    });
  },
  SLOW,
);

describe('installed from the tarball', () => {
  it(
    'as a devDependency with husky: init keeps the spec, npm install activates the hook, commits are checked',
    async () => {
      const repo = await userProject({ 'package.json': '{\n  "name": "shop",\n  "version": "1.0.0"\n}\n' });
      const installed = runOk('npm', ['install', '--save-dev', tarball, 'husky@9'], { cwd: repo });
      expect(installed.stderr).not.toMatch(/install-scripts|husky: not found/);
      const init = runOk(join(repo, 'node_modules', '.bin', 'secretscan'), ['init'], { cwd: repo });
      expect(init.stdout).toContain('created .husky/pre-commit');
      const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; scripts: Record<string, string> };
      expect(pkg.devDependencies.secretscan).toMatch(/^file:.*secretscan-[\d.]+\.tgz$/);
      expect(pkg.scripts.prepare).toBe('husky || true');
      runOk('npm', ['install'], { cwd: repo });
      expect(git(repo, ['config', 'core.hooksPath']).trim()).toBe('.husky/_');

      const blocked = await commitKeys(repo, SECRET_FILE);
      expect(blocked.stderr).toContain('secretscan blocked this commit');
      expect(blocked.status).not.toBe(0);
      expect(blocked.stdout + blocked.stderr).not.toContain(FAKE.stripe);
      const clean = await commitKeys(repo, CLEAN_FILE);
      expect(clean.status, clean.stderr).toBe(0);

      // A Docker-style production install: no devDependencies, so no husky, and prepare must not fail.
      const production = runOk('npm', ['ci', '--omit=dev'], { cwd: repo });
      expect(production.status).toBe(0);
    },
    SLOW,
  );

  it(
    'with npm install --no-save, init writes the spec it was installed from',
    async () => {
      const repo = await userProject({ 'package.json': '{\n  "name": "shop"\n}\n' });
      runOk('npm', ['install', '--no-save', tarball], { cwd: repo });
      runOk(join(repo, 'node_modules', '.bin', 'secretscan'), ['init'], { cwd: repo });
      const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
      expect(pkg.devDependencies.secretscan).toMatch(/^file:.*secretscan-[\d.]+\.tgz$/);
      // The spec resolves: a fresh install from it gives the same scanner.
      runOk('npm', ['install', '--ignore-scripts'], { cwd: repo });
      expect(runOk(join(repo, 'node_modules', '.bin', 'secretscan'), ['--version'], { cwd: repo }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    },
    SLOW,
  );

  it(
    'globally, with the plain git hook: no install-script warning, commits are checked',
    async () => {
      const prefix = await makeTempDir('secretscan-global-');
      const installed = runOk('npm', ['install', '--global', '--prefix', prefix, tarball], { cwd: prefix });
      expect(installed.stderr).not.toMatch(/install-scripts|not found/);
      const bin = join(prefix, 'bin');
      const repo = await userProject({ 'main.py': 'print(1)\n' });
      const init = runOk(join(bin, 'secretscan'), ['init'], { cwd: repo, env: npmEnv([bin]) });
      expect(init.stdout).toContain('created .git/hooks/pre-commit');
      const blocked = await commitKeys(repo, SECRET_FILE, [bin]);
      expect(blocked.stderr).toContain('secretscan blocked this commit');
      expect(blocked.status).not.toBe(0);
      const clean = await commitKeys(repo, CLEAN_FILE, [bin]);
      expect(clean.status, clean.stderr).toBe(0);
    },
    SLOW,
  );

  it(
    'beside lint-staged, as the README shows: secretscan first, then lint-staged',
    async () => {
      const repo = await userProject({
        'package.json': JSON.stringify({ name: 'shop', 'lint-staged': { '*.ts': 'node -e "process.stderr.write(\'lint-staged ran\\\\n\')"' } }, null, 2),
      });
      runOk('npm', ['install', '--save-dev', tarball, 'husky@9', 'lint-staged@16'], { cwd: repo });
      runOk(join(repo, 'node_modules', '.bin', 'secretscan'), ['init'], { cwd: repo });
      const hook = join(repo, '.husky', 'pre-commit');
      await writeFile(hook, `${await readFile(hook, 'utf8')}npx --no-install lint-staged\n`);
      runOk('npm', ['install'], { cwd: repo });
      const blocked = await commitKeys(repo, SECRET_FILE);
      expect(blocked.stderr).toContain('secretscan blocked this commit');
      expect(blocked.stdout + blocked.stderr).not.toContain('lint-staged ran');
      const clean = await commitKeys(repo, CLEAN_FILE);
      expect(clean.status, clean.stderr).toBe(0);
      expect(clean.stdout + clean.stderr).toContain('lint-staged ran');
    },
    SLOW,
  );
});
