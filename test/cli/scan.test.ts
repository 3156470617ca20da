import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepo, git } from '../helpers/git-repo.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

interface JsonReport {
  findings: { ruleId: string; path: string; startLine: number; severity: string; preview: string }[];
  skipped: { path: string; reason: string }[];
  suppressed: { inline: number; allowlist: number; paths: number };
  isPartial: boolean;
}

async function scanJson(cwd: string, args: string[] = [], stdin?: string) {
  const run = await runCli(['scan', '--format', 'json', ...args], stdin === undefined ? { cwd } : { cwd, stdin });
  return { ...run, report: (run.stdout === '' ? undefined : JSON.parse(run.stdout)) as JsonReport };
}

describe('scan (working tree)', () => {
  it('reads tracked and untracked files but not ignored ones, and exits 1', async () => {
    const repo = await createRepo({
      commits: [{ files: { '.gitignore': 'secret.log\n', 'src/config.ts': `export const key = "${FAKE.stripe}";\n` } }],
      untracked: { 'backend/.env': `STRIPE_KEY=${FAKE.stripeOther}\n`, 'secret.log': `${FAKE.stripe}\n` },
    });
    const { code, report, stderr } = await scanJson(repo);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    // backend/.env is also reported as a secret-bearing file that git would commit (the audit).
    expect(report.findings.map((f) => [f.path, f.ruleId, f.startLine])).toEqual([
      ['backend/.env', 'file.dotenv', 1],
      ['backend/.env', 'stripe.secret-key', 1],
      ['src/config.ts', 'stripe.secret-key', 1],
    ]);
  });

  it('exits 0 on a clean tree and scans from a subdirectory', async () => {
    const repo = await createRepo({ commits: [{ files: { 'a/readme.md': 'nothing to see\n', 'b/x.txt': `${FAKE.stripe}\n` } }] });
    expect((await scanJson(join(repo, 'a'), ['.'])).code).toBe(0);
    const whole = await scanJson(join(repo, 'a'));
    expect(whole.report.findings.map((f) => f.path)).toEqual(['b/x.txt']);
  });

  it('handles paths with spaces, unicode and newlines', async () => {
    const names = ['dir with space/file one.env', 'ünï/cödé.txt', 'new\nline.txt'];
    const repo = await createRepo({ commits: [{ files: Object.fromEntries(names.map((n) => [n, `k=${FAKE.stripe}\n`])) }] });
    const { report } = await scanJson(repo);
    expect(report.findings.map((f) => f.path).sort()).toEqual([...names].sort());
  });

  it('skips and counts oversized and symlinked files, and scans the printable strings of binary ones', async () => {
    const repo = await createRepo({
      commits: [{ files: { 'bin.dat': Buffer.from([0, 1, 2, 0, ...Buffer.from(FAKE.stripe)]), 'big.txt': `${'x'.repeat(5000)}\n${FAKE.stripe}\n` } }],
    });
    await symlink('big.txt', join(repo, 'link.txt'));
    const { code, report } = await scanJson(repo, ['--max-file-size', '1KB']);
    expect(code).toBe(1);
    expect(report.findings).toEqual([expect.objectContaining({ path: 'bin.dat', ruleId: 'stripe.secret-key', byteOffset: 4 })]);
    expect(report.skipped).toEqual([expect.objectContaining({ path: 'big.txt', reason: 'too-large' }), expect.objectContaining({ path: 'link.txt', reason: 'symlink' })]);
  });

  it('skips and counts a submodule', async () => {
    const sub = await createRepo({ commits: [{ files: { 'inner.env': `K=${FAKE.stripe}\n` } }] });
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    git(repo, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'vendor/sub']);
    const { report } = await scanJson(repo);
    expect(report.findings).toEqual([]);
    expect(report.skipped).toEqual([expect.objectContaining({ path: 'vendor/sub', reason: 'submodule' })]);
  });

  it('decodes UTF-16 with a byte-order mark and tolerates invalid UTF-8', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`key=${FAKE.stripe}\r\n`, 'utf16le')]);
    const broken = Buffer.concat([Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(`\nkey=${FAKE.stripe}\n`)]);
    const repo = await createRepo({ commits: [{ files: { 'u16.txt': utf16, 'bad.txt': broken } }] });
    const { report } = await scanJson(repo);
    expect(report.findings.map((f) => [f.path, f.startLine])).toEqual([
      ['bad.txt', 2],
      ['u16.txt', 1],
    ]);
  });

  it('walks a directory outside git, honouring its .gitignore', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, '.gitignore'), 'ignored/\n');
    await writeFile(join(dir, 'app.env'), `KEY=${FAKE.stripe}\n`);
    await writeFile(join(dir, 'ignored'), '').catch(() => undefined);
    const { report, code } = await scanJson(dir);
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.path)).toEqual(['app.env']);
  });

  it('scans explicitly named files even when git ignores them', async () => {
    const repo = await createRepo({ commits: [{ files: { '.gitignore': '*.env\n' } }], untracked: { 'local.env': `K=${FAKE.stripe}\n` } });
    expect((await scanJson(repo)).report.findings).toEqual([]);
    expect((await scanJson(repo, ['local.env'])).report.findings).toHaveLength(1);
  });

  it('says so when a named directory is ignored by git, instead of scanning nothing', async () => {
    const repo = await createRepo({
      commits: [{ files: { '.gitignore': 'build/\n', 'src/a.ts': 'ok\n' } }],
      untracked: { 'build/out.env': `STRIPE_KEY=${FAKE.stripe}\n` },
    });
    const refused = await scanJson(repo, ['build']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('build is ignored by git');
    expect(refused.stderr).toContain('secretscan scan DIR/FILE');
    const named = await scanJson(repo, ['build/out.env']);
    expect(named.report.findings.map((f) => f.ruleId)).toContain('stripe.secret-key');
    expect((await scanJson(repo, ['src'])).code).toBe(0);
  });

  it('honours the inline allow marker and config allowlists, and counts them', async () => {
    const repo = await createRepo({
      commits: [
        {
          files: {
            '.secretscan.yaml': 'allowlist:\n  - reason: test data\n    paths: [testdata/]\n',
            'a.txt': `${FAKE.stripe} # secretscan:allow documented test key\n`,
            'testdata/b.txt': `${FAKE.stripe}\n`,
          },
        },
      ],
    });
    const { code, report } = await scanJson(repo);
    expect(code).toBe(0);
    expect(report.suppressed).toEqual({ inline: 1, allowlist: 0, paths: 1 });
  });

  it('writes the report atomically to --output and still exits 1', async () => {
    const repo = await createRepo({ commits: [{ files: { 'a.txt': `${FAKE.stripe}\n` } }] });
    const out = join(repo, 'report.sarif');
    const { code, stdout, stderr } = await runCli(['scan', '--format', 'sarif', '--output', out], { cwd: repo });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('1 finding(s); sarif report written to report.sarif');
    expect(JSON.parse(await readFile(out, 'utf8')).version).toBe('2.1.0');
  });
});

describe('scan --stdin', () => {
  it('scans standard input under the given name', async () => {
    const dir = await makeTempDir();
    const { code, report } = await scanJson(dir, ['--stdin', '--stdin-path', 'backend/.env'], `A=1\nSTRIPE=${FAKE.stripe}\n`);
    expect(code).toBe(1);
    expect(report.findings).toEqual([expect.objectContaining({ path: 'backend/.env', startLine: 2 })]);
  });

  it('refuses --stdin together with paths', async () => {
    const dir = await makeTempDir();
    const { code, stderr } = await runCli(['scan', '--stdin', 'a.txt'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('--stdin cannot be combined with paths');
  });
});

describe('scan errors', () => {
  it('exits 2 listing every config problem', async () => {
    const repo = await createRepo({ commits: [{ files: { '.secretscan.yaml': 'colour: red\nallowlist:\n  - paths: [x]\n' } }] });
    const { code, stderr, stdout } = await runCli(['scan'], { cwd: repo });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('.secretscan.yaml:1: colour: unknown field');
    expect(stderr).toContain('.secretscan.yaml:3: allowlist[0].reason: every allowlist entry needs a `reason`');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a missing --config file, a missing path, an unknown flag and a bare repository', async () => {
    const repo = await createRepo({ commits: [{ files: { 'a.txt': 'x\n' } }] });
    expect((await runCli(['scan', '--config', 'nope.yaml'], { cwd: repo })).stderr).toContain('cannot read config file');
    expect((await runCli(['scan', 'missing.txt'], { cwd: repo })).code).toBe(2);
    const unknown = await runCli(['scan', '--frobnicate'], { cwd: repo });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown argument');
    const bare = await createRepo({ isBare: true });
    const bareRun = await runCli(['scan'], { cwd: bare });
    expect(bareRun.code).toBe(2);
    expect(bareRun.stderr).toContain('bare repository');
  });

  it('maps an unexpected failure to exit 3 without a stack trace', async () => {
    const dir = await makeTempDir();
    let stderr = '';
    const { run } = await import('../../src/cli/run.js');
    const code = await run(['scan', '--stdin'], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t) },
      readStdin: () => Promise.reject(new Error('stream exploded')),
      env: {},
      cwd: dir,
    });
    expect(code).toBe(3);
    expect(stderr).toContain('internal error: stream exploded');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a repository path outside the repo as a usage error', async () => {
    const repo = await createRepo({ commits: [{ files: { 'a.txt': 'x\n' } }] });
    const other = await makeTempDir();
    const { code, stderr } = await runCli(['scan', other], { cwd: repo });
    expect(code).toBe(2);
    expect(stderr).toContain('is outside the repository');
    git(repo, ['status']);
  });
});
