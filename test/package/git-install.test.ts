import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { git } from '../helpers/git-repo.js';
import { commit, npmEnv, runOk, sourceRepository, userProject } from '../helpers/packed-package.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Installs from a git URL (a local `git+file://` repository holding this working tree), the way
// a project depends on an unpublished secretscan, and the way the pre-commit framework installs
// a `language: node` hook. npm clones, installs the devDependencies from the registry and builds
// (the prepare script). Slow.

const SLOW = 900_000;
const SECRET_FILE = `export const stripeKey = "${FAKE.stripe}";\n`;
const CLEAN_FILE = 'export const stripeKey = process.env.STRIPE_KEY;\n';

let source = '';
let sourceCommit = '';

beforeAll(async () => {
  ({ dir: source, commit: sourceCommit } = await sourceRepository({ shouldLinkNodeModules: false }));
}, SLOW);

async function commitKeys(repo: string, text: string, extraPath: string[] = [], env?: NodeJS.ProcessEnv) {
  await writeFile(join(repo, 'keys.ts'), text);
  git(repo, ['add', 'keys.ts']);
  if (env === undefined) return commit(repo, 'keys', extraPath);
  return spawnSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'keys'], { cwd: repo, env, encoding: 'utf8' });
}

function hasPreCommit(): boolean {
  return spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
}

describe('installed from a git URL', () => {
  it(
    'as a devDependency: the prepare step builds it quietly, init keeps the spec, husky checks commits',
    async () => {
      const repo = await userProject({ 'package.json': '{\n  "name": "shop"\n}\n' });
      const spec = `git+file://${source}#${sourceCommit}`;
      const installed = runOk('npm', ['install', '--save-dev', spec, 'husky@9'], { cwd: repo });
      expect(installed.stderr).not.toContain('husky: not found');
      runOk(join(repo, 'node_modules', '.bin', 'secretscan'), ['init'], { cwd: repo });
      const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
      expect(pkg.devDependencies.secretscan).toBe(spec);
      runOk('npm', ['install'], { cwd: repo });
      const blocked = await commitKeys(repo, SECRET_FILE);
      expect(blocked.stderr).toContain('secretscan blocked this commit');
      expect(blocked.status).not.toBe(0);
      const clean = await commitKeys(repo, CLEAN_FILE);
      expect(clean.status, clean.stderr).toBe(0);
    },
    SLOW,
  );

  it(
    'through the pre-commit framework (the version installed here, 3.0.4 on Debian 12)',
    async (context) => {
      if (!hasPreCommit()) {
        if (process.env.CI !== undefined) throw new Error('pre-commit is not installed (.ci/run installs the Debian package)');
        context.skip();
      }
      const repo = await userProject({
        '.pre-commit-config.yaml': `default_install_hook_types: [pre-commit, commit-msg]\nrepos:\n  - repo: ${source}\n    rev: ${sourceCommit}\n    hooks:\n      - id: secretscan\n      - id: secretscan-commit-msg\n`,
        'main.py': 'print(1)\n',
      });
      const env = { ...npmEnv(), PRE_COMMIT_HOME: await makeTempDir('secretscan-pre-commit-') };
      runOk('pre-commit', ['install'], { cwd: repo, env });
      // Installing the hook environment runs npm install, npm pack (whose stdout must be only the
      // tarball name) and npm install -g of that tarball.
      runOk('pre-commit', ['install-hooks'], { cwd: repo, env });
      const blocked = await commitKeys(repo, SECRET_FILE, [], env);
      expect(blocked.stdout + blocked.stderr).toMatch(/secretscan\.+Failed/);
      expect(blocked.stdout + blocked.stderr).not.toContain(FAKE.stripe);
      expect(blocked.status).not.toBe(0);
      await writeFile(join(repo, 'keys.ts'), CLEAN_FILE);
      git(repo, ['add', 'keys.ts']);
      const withSecretMessage = spawnSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', `use ${FAKE.stripe}`], { cwd: repo, env, encoding: 'utf8' });
      expect(withSecretMessage.stdout + withSecretMessage.stderr).toMatch(/secretscan \(commit message\)\.+Failed/);
      expect(withSecretMessage.stdout + withSecretMessage.stderr).not.toContain(FAKE.stripe);
      expect(withSecretMessage.status).not.toBe(0);
      const clean = spawnSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'read the key from the environment'], { cwd: repo, env, encoding: 'utf8' });
      expect(clean.stdout + clean.stderr).toMatch(/secretscan\.+Passed/);
      expect(clean.stdout + clean.stderr).toMatch(/secretscan \(commit message\)\.+Passed/);
      expect(clean.status).toBe(0);
    },
    SLOW,
  );
});
