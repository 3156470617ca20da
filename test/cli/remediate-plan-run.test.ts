import { execFileSync } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, fixtureGitEnv, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.mjs', import.meta.url));

function hasFilterRepo(): boolean {
  try {
    execFileSync('git', ['filter-repo', '--version'], { env: fixtureGitEnv(), stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const PACKAGE_JSON = '{\n  "name": "app",\n  "devDependencies": { "vitest": "^1.0.0" }\n}\n';
const COMPOSE = 'services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: dev\n      ADMIN_PASSWORD: admin\n';
// A Kubernetes Secret holds its values base64-encoded; the value is 18 varied characters.
const ENCODED = Buffer.from(['Zq7w', 'Kp3x', 'Nm8v', 'Rt2y', 'Ls'].join('')).toString('base64');
const MANIFEST = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${ENCODED}\n`;

/** The shell lines (`$ ...`) of every "purge" step in the printed plan, in order. */
function purgeCommands(plan: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] | undefined;
  for (const line of plan.split('\n')) {
    if (/^\d+\. /.test(line)) {
      current = /^\d+\. Then purge it/.test(line) ? [] : undefined;
      if (current !== undefined) blocks.push(current);
      continue;
    }
    const command = /^\s+\$ (.*)$/.exec(line)?.[1];
    if (command !== undefined && current !== undefined) current.push(command);
  }
  return blocks;
}

describe('the remediation plan, run exactly as printed', () => {
  it.skipIf(!hasFilterRepo())('purges short weak values, a .env, a base64 value and a value in two files; unrelated bytes survive', { timeout: 300_000 }, async () => {
    const remote = await createRepo({ isBare: true });
    const root = await createRepo({
      commits: [
        { files: { 'package.json': PACKAGE_JSON, 'docker-compose.yml': COMPOSE, 'k8s/secret.yaml': MANIFEST, '.env': `API_KEY=${FAKE.stripeOther}\n` } },
        { files: { 'src/a.js': `const key = "${FAKE.stripe}";\n`, 'src/b.js': `export const key = '${FAKE.stripe}';\n`, 'README.md': 'dev setup: run npm install as admin\n' } },
      ],
    });
    git(root, ['remote', 'add', 'origin', remote]);
    git(root, ['push', '-q', 'origin', 'HEAD:refs/heads/main']);
    git(root, ['fetch', '-q', 'origin']);
    expect((await runCli(['scan', '--history'], { cwd: root })).code).toBe(1);

    const printed = await runCli(['remediate'], { cwd: root });
    expect(printed.code).toBe(1);
    const blocks = purgeCommands(printed.stdout);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(block.some((command) => command.startsWith('npx secretscan remediate --write-replacements '))).toBe(true);

    // `npx` on PATH runs this build of the CLI, as npx runs the project's own devDependency.
    const shims = await makeTempDir('secretscan-shims-');
    await mkdir(shims, { recursive: true });
    await writeFile(join(shims, 'npx'), `#!/bin/sh\n[ "$1" = secretscan ] || exit 127\nshift\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    await chmod(join(shims, 'npx'), 0o755);
    const env = { ...fixtureGitEnv(), PATH: `${shims}:${process.env.PATH ?? ''}`, NO_COLOR: '1' };
    // Run as a user pastes them: one shell per block (the remote URL is kept in a variable), not
    // stopping at `remediate`, which exits 1 because it printed a plan.
    for (const block of blocks) execFileSync('sh', ['-c', block.join('\n')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });

    const clone = join(await makeTempDir('secretscan-clone-'), 'clone');
    git(root, ['clone', '-q', remote, clone]);
    const history = await runCli(['scan', '--history', '--format', 'json'], { cwd: clone });
    expect(JSON.parse(history.stdout).findings).toEqual([]);
    expect(history.code).toBe(0);
    expect((await runCli(['scan'], { cwd: clone })).code).toBe(0);
    // Every unrelated byte is unchanged, in every commit.
    for (const sha of git(clone, ['rev-list', '--all']).trim().split('\n')) {
      const paths = git(clone, ['ls-tree', '-r', '--name-only', sha]).trim().split('\n');
      expect(paths).not.toContain('.env');
      if (paths.includes('package.json')) expect(git(clone, ['show', `${sha}:package.json`])).toBe(PACKAGE_JSON);
      if (paths.includes('README.md')) expect(git(clone, ['show', `${sha}:README.md`])).toBe('dev setup: run npm install as admin\n');
    }
    expect(git(clone, ['show', 'HEAD:docker-compose.yml'])).toBe(COMPOSE.replace(': dev', ': REMOVED-BY-SECRETSCAN').replace(': admin', ': REMOVED-BY-SECRETSCAN'));
    expect(git(clone, ['show', 'HEAD:k8s/secret.yaml'])).toBe(MANIFEST.replace(ENCODED, 'REMOVED-BY-SECRETSCAN'));
    expect(git(clone, ['show', 'HEAD:src/a.js'])).toBe('const key = "REMOVED-BY-SECRETSCAN";\n');
    expect(git(clone, ['show', 'HEAD:src/b.js'])).toBe("export const key = 'REMOVED-BY-SECRETSCAN';\n");
  });
});
