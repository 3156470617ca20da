import { execFileSync } from 'node:child_process';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, fixtureGitEnv, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.mjs', import.meta.url));
const MARKER = 'REMOVED-BY-SECRETSCAN';

function hasFilterRepo(): boolean {
  try {
    execFileSync('git', ['filter-repo', '--version'], { env: fixtureGitEnv(), stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// Secrets of several providers: Stripe (one value in two files, another in .env), Unusual Whales,
// a base64 value in a Kubernetes Secret, and short weak passwords (`dev`, `admin`) that also occur
// in unrelated text (`devDependencies`, the README).
const UW_TOKEN = ['0f8e2b1c', '3d4a', '4b5c', '9e6f', '7a8b9c0d1e2f'].join('-');
const ENCODED = Buffer.from(['Zq7w', 'Kp3x', 'Nm8v', 'Rt2y', 'Ls'].join('')).toString('base64');
const PACKAGE_JSON = '{\n  "name": "app",\n  "devDependencies": { "vitest": "^1.0.0" }\n}\n';
const README = 'dev setup: run npm install as admin\n';
const COMPOSE = 'services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: dev\n      ADMIN_PASSWORD: admin\n';
const MANIFEST = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${ENCODED}\n`;
const DOTENV = `API_KEY=${FAKE.stripeOther}\n`;
const FIRST = { 'package.json': PACKAGE_JSON, 'docker-compose.yml': COMPOSE, 'k8s/secret.yaml': MANIFEST, '.env': DOTENV };
const SECOND = {
  'src/a.js': `// client\nconst key = "${FAKE.stripe}";\n`,
  'src/b.js': `export const key = '${FAKE.stripe}';\n`,
  'src/uw.js': `const base = "https://api.unusualwhales.com";\nconst uw_api_token = "${UW_TOKEN}";\n`,
  'README.md': README,
};

/** What the purge must make of a file: the secrets replaced by the marker, every other byte the same. */
function purged(text: string): string {
  let out = text;
  for (const value of [FAKE.stripe, FAKE.stripeOther, UW_TOKEN, ENCODED]) out = out.split(value).join(MARKER);
  return out.replace('POSTGRES_PASSWORD: dev\n', `POSTGRES_PASSWORD: ${MARKER}\n`).replace('ADMIN_PASSWORD: admin\n', `ADMIN_PASSWORD: ${MARKER}\n`);
}

/** The printed plan's numbered sections: number -> their lines. */
function sectionsOf(plan: string): Map<number, string[]> {
  const sections = new Map<number, string[]>();
  let current: string[] = [];
  for (const line of plan.split('\n')) {
    const number = /^(\d+)\. /.exec(line)?.[1];
    if (number !== undefined) sections.set(Number(number), (current = []));
    current.push(line);
  }
  return sections;
}

function commandsOf(lines: readonly string[]): string[] {
  return lines.flatMap((line) => /^\s+\$ (.*)$/.exec(line)?.[1] ?? []);
}

interface Edit {
  path: string;
  line: number;
  envName: string;
}

function editsOf(lines: readonly string[]): Edit[] {
  return lines.flatMap((line) => {
    const match = /^\s+\[ \] (.+):(\d+) \(.*\): read it from the environment variable `([A-Z0-9_]+)`$/.exec(line);
    return match === null ? [] : [{ path: match[1] ?? '', line: Number(match[2]), envName: match[3] ?? '' }];
  });
}

const PLANTED = [FAKE.stripe, FAKE.stripeOther, UW_TOKEN, ENCODED, 'dev', 'admin'];

/** The value an edit names at its line: the planted value on it (for `dev`/`admin`, after their key). */
function valueAt(text: string, line: number): string | undefined {
  const content = text.split('\n')[line - 1] ?? '';
  return PLANTED.find((value) => (value.length <= 5 ? new RegExp(`: ${value}$`).test(content) : content.includes(value)));
}

describe('the remediation plan, run exactly as printed', () => {
  it.skipIf(!hasFilterRepo())('fixes HEAD at the lines it names, then one script purges every secret: a fresh clone scans clean, unrelated bytes unchanged', { timeout: 300_000 }, async () => {
    const remote = await createRepo({ isBare: true });
    const root = await createRepo({
      commits: [
        { files: FIRST, message: 'first' },
        { files: SECOND, message: 'second' },
      ],
    });
    git(root, ['remote', 'add', 'origin', remote]);
    git(root, ['push', '-q', 'origin', 'HEAD:refs/heads/main']);
    git(remote, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
    git(root, ['fetch', '-q', 'origin']);
    expect((await runCli(['scan', '--history'], { cwd: root })).code).toBe(1);

    const printed = await runCli(['remediate'], { cwd: root });
    expect(printed.code).toBe(1);
    const sections = sectionsOf(printed.stdout);
    expect([...sections.values()].map((lines) => lines[0])).toEqual([
      '1. Rotate every leaked credential first.',
      '2. Fix the code at HEAD.',
      '3. Purge every secret from history with one script.',
      '4. Force-push, then deal with the copies others hold.',
      '5. Verify that no copy is left.',
    ]);
    const rotate = (sections.get(1) ?? []).join('\n');
    for (const provider of ['Stripe', 'Unusual Whales', 'Generic secret', 'Database connection URL']) expect(rotate).toContain(`   ${provider}: rotate at https://`);

    // Step 2 names every line at HEAD that holds a value (outside .env), and each line holds one.
    const edits = editsOf(sections.get(2) ?? []);
    const expected = ['docker-compose.yml:5 POSTGRES_PASSWORD', 'docker-compose.yml:6 ADMIN_PASSWORD', 'k8s/secret.yaml:6 APP_PASSWORD', 'src/a.js:2 STRIPE_KEY', 'src/b.js:1 STRIPE_KEY', 'src/uw.js:2 UW_API_TOKEN'];
    expect(edits.map((edit) => `${edit.path}:${edit.line} ${edit.envName}`)).toEqual(expected);
    for (const edit of edits) {
      const text = git(root, ['show', `HEAD:${edit.path}`]);
      const value = valueAt(text, edit.line);
      expect(value, `${edit.path}:${edit.line}`).toBeDefined();
      // Done as a user would: the value at that line becomes a read of the variable.
      const lines = (await readFile(join(root, edit.path), 'utf8')).split('\n');
      lines[edit.line - 1] = (lines[edit.line - 1] ?? '').replace(value ?? '', `\${${edit.envName}}`);
      await writeFile(join(root, edit.path), lines.join('\n'));
    }
    const fixed = Object.fromEntries(await Promise.all(edits.map(async (edit) => [edit.path, await readFile(join(root, edit.path), 'utf8')] as const)));

    // `npx` on PATH runs this build of the CLI, as npx runs the project's own devDependency.
    const shims = await makeTempDir('secretscan-shims-');
    await writeFile(join(shims, 'npx'), `#!/bin/sh\n[ "$1" = secretscan ] || exit 127\nshift\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    await chmod(join(shims, 'npx'), 0o755);
    const env = { ...fixtureGitEnv(), PATH: `${shims}:${process.env.PATH ?? ''}`, NO_COLOR: '1' };
    const run = (commands: string[]): string => execFileSync('sh', ['-c', commands.join('\n')], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    run(commandsOf(sections.get(2) ?? []));
    // Steps 3 to 5 as one script, pasted as printed.
    const script = [3, 4, 5].flatMap((number) => commandsOf(sections.get(number) ?? []));
    expect(script.filter((command) => command.startsWith('git filter-repo'))).toHaveLength(1);
    const output = run(script);
    expect(output).not.toMatch(/finding/i);
    expect(output.match(/No secrets found\./g)).toHaveLength(2);

    // The ignored local .env is kept; the repository no longer tracks it.
    expect((await stat(join(root, '.env'))).isFile()).toBe(true);
    const clone = join(await makeTempDir('secretscan-clone-'), 'clone');
    git(root, ['clone', '-q', remote, clone]);
    const history = await runCli(['scan', '--history', '--format', 'json'], { cwd: clone });
    expect(JSON.parse(history.stdout).findings).toEqual([]);
    expect(history.code).toBe(0);
    expect((await runCli(['scan'], { cwd: clone })).code).toBe(0);

    // Every unrelated byte is unchanged, in every commit; HEAD is exactly what step 2 committed.
    const originals: Record<string, Record<string, string>> = { first: FIRST, second: { ...FIRST, ...SECOND } };
    for (const sha of git(clone, ['rev-list', '--all']).trim().split('\n')) {
      const message = git(clone, ['log', '-1', '--format=%s', sha]).trim();
      const paths = git(clone, ['ls-tree', '-r', '--name-only', sha]).trim().split('\n');
      expect(paths).not.toContain('.env');
      const original = originals[message];
      if (original === undefined) {
        for (const [path, text] of Object.entries(fixed)) expect(git(clone, ['show', `${sha}:${path}`])).toBe(text);
        expect(git(clone, ['show', `${sha}:package.json`])).toBe(PACKAGE_JSON);
        continue;
      }
      expect(paths.sort()).toEqual(
        Object.keys(original)
          .filter((path) => path !== '.env')
          .sort(),
      );
      for (const path of paths) expect(git(clone, ['show', `${sha}:${path}`]), `${message}:${path}`).toBe(purged(original[path] ?? ''));
    }
  });
});
