import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { preCommitBlock } from '../../src/init/index.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, fixtureGitEnv, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { commitThroughHook, pathWithoutScanner, stageFiles } from './commit-through-hook.js';

const BUILT_BIN = fileURLToPath(new URL('../../dist/cli/bin.mjs', import.meta.url));
const HUSKY_BIN = fileURLToPath(new URL('../../node_modules/husky/bin.js', import.meta.url));

/** An executable `name` in `binDir` that runs `script` with this Node. */
async function nodeWrapper(binDir: string, name: string, script: string): Promise<void> {
  await mkdir(binDir, { recursive: true });
  await writeFile(join(binDir, name), `#!/bin/sh\nexec "${process.execPath}" "${script}" "$@"\n`);
  await chmod(join(binDir, name), 0o755);
}

describe('secretscan init in a monorepo (package.json only in a subfolder)', () => {
  it("sets up husky in the subfolder; the prepare script activates it from the top level; the hook runs the subfolder's scanner", async () => {
    const repo = await createRepo({ commits: [{ files: { 'frontend/package.json': '{\n  "name": "web",\n  "devDependencies": {\n    "secretscan": "file:../secretscan.tgz"\n  }\n}\n', 'api/main.py': 'print(1)\n' } }] });
    const frontend = join(repo, 'frontend');
    const run = await runCli(['init'], { cwd: frontend });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('updated frontend/package.json');
    expect(run.stdout).toContain('created frontend/.husky/pre-commit');
    expect(run.stdout).toContain('next: run `npm install` in frontend/');
    expect(await readFile(join(frontend, '.husky', 'pre-commit'), 'utf8')).toBe(preCommitBlock('frontend'));
    const pkg = JSON.parse(await readFile(join(frontend, 'package.json'), 'utf8')) as { scripts: { prepare: string } };
    expect(pkg.scripts.prepare).toBe('cd .. && husky frontend/.husky || true');

    // What `npm install` in frontend/ does: its .bin first on PATH, then the prepare script.
    const bin = join(frontend, 'node_modules', '.bin');
    await nodeWrapper(bin, 'husky', HUSKY_BIN);
    await nodeWrapper(bin, 'secretscan', BUILT_BIN);
    execFileSync('sh', ['-c', pkg.scripts.prepare], { cwd: frontend, env: { ...fixtureGitEnv(), PATH: [bin, process.env.PATH].join(delimiter) } });
    expect(git(repo, ['config', 'core.hooksPath']).trim()).toBe('frontend/.husky/_');

    // No secretscan on PATH: the hook must find frontend/node_modules/.bin/secretscan.
    expect(pathWithoutScanner()).not.toContain(bin);
    await stageFiles(repo, { 'api/settings.py': `STRIPE_KEY = "${FAKE.stripe}"\n` });
    const blocked = commitThroughHook(repo, undefined);
    expect(blocked.stderr).not.toContain('not installed');
    expect(blocked.stderr).toContain('secretscan blocked this commit');
    expect(blocked.status).not.toBe(0);

    await writeFile(join(repo, 'api', 'settings.py'), 'import os\nSTRIPE_KEY = os.environ["STRIPE_KEY"]\n');
    git(repo, ['add', 'api/settings.py']);
    const clean = commitThroughHook(repo, undefined);
    expect(clean.stderr).not.toContain('secretscan:');
    expect(clean.status).toBe(0);
  });

  it('from the top level of a repository without a package.json there, it writes the plain git hook', async () => {
    const repo = await createRepo({ commits: [{ files: { 'frontend/package.json': '{}\n' } }] });
    const run = await runCli(['init'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('created .git/hooks/pre-commit');
  });

  it('from a folder below the package, it uses the nearest package.json above', async () => {
    const repo = await createRepo({ commits: [{ files: { 'apps/web/package.json': '{}\n', 'apps/web/src/app.ts': 'x\n' } }] });
    const run = await runCli(['init'], { cwd: join(repo, 'apps', 'web', 'src') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('created apps/web/.husky/pre-commit');
    const pkg = JSON.parse(await readFile(join(repo, 'apps', 'web', 'package.json'), 'utf8')) as { scripts: { prepare: string } };
    expect(pkg.scripts.prepare).toBe('cd ../.. && husky apps/web/.husky || true');
  });
});
