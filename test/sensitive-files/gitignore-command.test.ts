import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { FAKE } from '../helpers/fake-secrets.js';

const SECRET = `STRIPE_KEY=${FAKE.stripe}\n`;

describe('secretscan gitignore', () => {
  it('reports a tracked backend/.env although .gitignore lists it, and never prints its content', async () => {
    const root = await createRepo({ commits: [{ files: { 'backend/.env': SECRET } }, { files: { '.gitignore': '.env\n' } }] });
    const run = await runCli(['gitignore'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('backend/.env');
    expect(run.stdout).toContain('tracked by git although .gitignore lists it: run git rm --cached -- backend/.env');
    expect(run.stdout).not.toContain(FAKE.stripe);
  });

  it('reports an untracked, unignored id_rsa but not .env.example or id_rsa.pub', async () => {
    const root = await createRepo({ commits: [{ files: { 'README.md': 'x\n' } }], untracked: { 'keys/id_rsa': 'k\n', 'keys/id_rsa.pub': 'p\n', '.env.example': 'A=\n' } });
    const run = await runCli(['gitignore', '--format', 'json'], { cwd: root });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { path: string; ruleId: string; context: string }[]; missing: { lines: string[] }[] };
    expect(report.findings.map((f) => [f.path, f.ruleId])).toEqual([['keys/id_rsa', 'file.ssh-key']]);
    expect(report.findings[0]?.context).toContain('`git add .` would commit it');
    expect(report.missing.flatMap((m) => m.lines)).toContain('id_rsa*');
  });

  it('counts .npmrc only when it holds a token', async () => {
    const plain = await createRepo({ untracked: { '.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' } });
    expect((await runCli(['gitignore'], { cwd: plain })).code).toBe(0);
    const withToken = await createRepo({ untracked: { '.npmrc': '//registry.npmjs.org/:_authToken=abc123notarealtoken\n' } });
    const run = await runCli(['gitignore'], { cwd: withToken });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('.npmrc');
    expect(run.stdout).not.toContain('abc123notarealtoken');
  });

  it('--fix appends the missing lines once, creating .gitignore, and prints git rm --cached', async () => {
    const root = await createRepo({ commits: [{ files: { 'backend/.env': SECRET } }], untracked: { 'deploy/id_ed25519': 'k\n' } });
    const first = await runCli(['gitignore', '--fix'], { cwd: root });
    expect(first.code).toBe(1); // backend/.env stays tracked
    expect(first.stdout).toContain('git rm --cached -- backend/.env');
    const written = await readFile(join(root, '.gitignore'), 'utf8');
    expect(written.startsWith('# secretscan: secret-bearing files\n')).toBe(true);
    expect(written).toContain('\n.env\n.env.*\n!.env.example\n');
    expect(written).toContain('\nid_ed25519*\n');
    const second = await runCli(['gitignore', '--fix'], { cwd: root });
    expect(second.code).toBe(1);
    expect(await readFile(join(root, '.gitignore'), 'utf8')).toBe(written);
    expect(second.stdout).toContain('.gitignore already has every line it needs');
  });

  it('--fix keeps CRLF line endings and exits 0 when everything is fixed', async () => {
    const root = await createRepo({ commits: [{ files: { '.gitignore': 'node_modules/\r\ndist/\r\n' } }], untracked: { '.env': SECRET } });
    const run = await runCli(['gitignore', '--fix'], { cwd: root });
    expect(run.code).toBe(0);
    const text = await readFile(join(root, '.gitignore'), 'utf8');
    expect(text).toBe('node_modules/\r\ndist/\r\n\r\n# secretscan: secret-bearing files\r\n.env\r\n.env.*\r\n!.env.example\r\n!.env.template\r\n!.env.sample\r\n!.env.defaults\r\n!.env.dist\r\n');
    expect((await runCli(['gitignore'], { cwd: root })).code).toBe(0);
  });

  it('--fix keeps a missing final newline missing', async () => {
    const root = await createRepo({ commits: [{ files: { '.gitignore': 'dist/' } }], untracked: { 'server.key': 'k' } });
    await runCli(['gitignore', '--fix'], { cwd: root });
    expect(await readFile(join(root, '.gitignore'), 'utf8')).toBe('dist/\n\n# secretscan: secret-bearing files\n*.key');
  });

  it('needs nothing when another rule already ignores the file', async () => {
    const root = await createRepo({ commits: [{ files: { '.gitignore': 'secrets/\n' } }], untracked: { 'secrets/.env': SECRET } });
    const run = await runCli(['gitignore', '--fix'], { cwd: root });
    expect(run.code).toBe(0);
    expect(await readFile(join(root, '.gitignore'), 'utf8')).toBe('secrets/\n');
  });

  it('exits 2 outside a repository', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, '.env'), SECRET);
    expect((await runCli(['gitignore'], { cwd: dir })).code).toBe(2);
  });
});

describe('secretscan gitignore with hostile file names', () => {
  it('prints bidi controls in paths as escapes, and quotes them so the command still names the file', async () => {
    const root = await createRepo({ commits: [{ files: { 'bi\u202edi/.env': SECRET } }] });
    const run = await runCli(['gitignore'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('\u202e');
    expect(run.stdout).toContain("git rm --cached -- $'bi\\u202edi/.env'");
    expect(run.stdout).toContain('# dotenv file: bi\\u202edi/.env');
  });
});
