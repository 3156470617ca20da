import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { isLinux, validatorIssues } from '../helpers/sarif-validator.js';
import { sarifSchemaErrors } from '../reporters/sarif/schema.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A GitHub token shape with a valid checksum (the rule checks it), built at run time. */
function githubToken(body: string): string {
  let sum = '';
  for (let rest = crc32(body) >>> 0; rest > 0; rest = Math.floor(rest / 62)) sum = (BASE62[rest % 62] ?? '') + sum;
  return `${['gh', 'p_'].join('')}${body}${sum.padStart(6, '0')}`;
}
const GITHUB = githubToken('R8m2Xq7Lp4Vt9Wc3Nb6Yh1Jk5Df0Gs');
// Found by the generic password rule in text, and so never in binary data.
const PASSWORD = ['Vq8-', 'mZ2x!', 'Lp7Rt'].join('');

/** A real SQLite database (python3's sqlite3 module) with a key-value row holding a Stripe key. */
async function sqliteDatabase(): Promise<Buffer> {
  const dir = await makeTempDir();
  const file = join(dir, 'app.db');
  const script = 'import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.execute("create table settings(k text, v text)")\nc.execute("insert into settings values (?, ?)", ("stripe", sys.argv[2]))\nc.commit()\n';
  execFileSync('python3', ['-c', script, file, FAKE.stripe]);
  return readFile(file);
}

/** A build output: an ELF-like header, a token in ASCII and one in UTF-16LE, and a password assignment. */
function sharedObject(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56), Buffer.from(`token=${GITHUB}\0\0`), Buffer.from(FAKE.awsKeyId, 'utf16le'), Buffer.from(`\0\0password = "${PASSWORD}"\0`)]);
}

interface JsonFinding {
  ruleId: string;
  path: string;
  byteOffset?: number;
  byteLength?: number;
  occurrences?: { path: string; byteOffset?: number }[];
}

async function scanJson(cwd: string, args: string[]): Promise<{ findings: JsonFinding[]; skipped: unknown[]; notices: string[] }> {
  const run = await runCli(['scan', '--no-gitignore-audit', '--format', 'json', ...args], { cwd });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  return JSON.parse(run.stdout) as { findings: JsonFinding[]; skipped: unknown[]; notices: string[] };
}

const located = (findings: JsonFinding[]) => findings.map((f) => `${f.path} ${f.ruleId} byte ${f.byteOffset ?? '-'}+${f.byteLength ?? '-'}`).sort();

describe('binary files: printable strings, provider rules, byte offsets', () => {
  it('finds tokens in a SQLite database and a build output in every mode, at their byte offsets, with the generic rules off', async () => {
    const [db, so] = [await sqliteDatabase(), sharedObject()];
    const expected = [
      `app.db stripe.secret-key byte ${db.indexOf(FAKE.stripe)}+${FAKE.stripe.length}`,
      `lib/native.so aws.access-key-id byte ${so.indexOf(Buffer.from(FAKE.awsKeyId, 'utf16le'))}+${2 * FAKE.awsKeyId.length}`,
      `lib/native.so github.personal-access-token byte ${so.indexOf(GITHUB)}+${GITHUB.length}`,
    ];
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }], staged: { 'app.db': db, 'lib/native.so': so } });
    const staged = await scanJson(repo, ['--staged']);
    expect(located(staged.findings)).toEqual(expected);
    expect(staged.skipped).toEqual([]);
    git(repo, ['commit', '-qm', 'binaries']);
    for (const args of [[], ['--range', 'HEAD~1..HEAD'], ['--history']]) {
      const report = await scanJson(repo, args);
      expect(located(report.findings), args.join(' ')).toEqual(expected);
    }
    expect((await scanJson(repo, [])).notices).toContain('2 binary files: printable strings scanned, with the provider rules only');
    expect((await scanJson(repo, ['--history'])).notices.join('\n')).toContain('2 binary blobs scanned for printable strings');
  });

  it('says "byte N" in text, SARIF and Markdown, with the byte region in SARIF, and never the secret', async () => {
    const so = sharedObject();
    const at = so.indexOf(GITHUB);
    const repo = await createRepo({ commits: [{ files: { 'lib/native.so': so } }] });
    const text = await runCli(['scan', '--no-gitignore-audit'], { cwd: repo });
    expect(text.stdout).toMatch(new RegExp(`byte ${at} +high +github\\.personal-access-token`));
    const sarif = await runCli(['scan', '--no-gitignore-audit', '--format', 'sarif'], { cwd: repo });
    const results = (JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { region: Record<string, unknown> } }[] }[] }[] }).runs[0]?.results ?? [];
    const github = results.find((r) => r.ruleId === 'github.personal-access-token');
    expect(github?.locations[0]?.physicalLocation.region).toMatchObject({ byteOffset: at, byteLength: GITHUB.length, startLine: 1, startColumn: at + 1 });
    expect(github?.message.text).toContain(`at byte ${at}`);
    // Valid SARIF 2.1.0 that GitHub code scanning takes: a region with both lines and bytes.
    expect(sarifSchemaErrors(JSON.parse(sarif.stdout))).toEqual([]);
    if (isLinux) expect(validatorIssues('binary', sarif.stdout)).toEqual([]);
    const markdown = await runCli(['scan', '--no-gitignore-audit', '--format', 'markdown'], { cwd: repo });
    expect(markdown.stdout).toContain(`lib/native.so byte ${at}`);
    for (const out of [text.stdout, sarif.stdout, markdown.stdout]) for (const secret of [GITHUB, FAKE.awsKeyId, PASSWORD]) expect(out).not.toContain(secret);
  });

  it('lists the copies of a value found in text that sit in binary files, at their byte offsets', async () => {
    const so = sharedObject();
    const repo = await createRepo({ commits: [{ files: { 'config.ini': `db_password = "${PASSWORD}"\n`, 'lib/native.so': so } }] });
    const { findings } = await scanJson(repo, []);
    const password = findings.find((f) => f.ruleId === 'generic.password-assignment');
    expect(password?.occurrences?.map((o) => `${o.path} ${o.byteOffset ?? '-'}`)).toEqual(['config.ini -', `lib/native.so ${so.indexOf(PASSWORD)}`]);
  });

  it('stays within --max-file-size: a larger binary file is skipped as too large', async () => {
    const repo = await createRepo({ commits: [{ files: { 'lib/native.so': Buffer.concat([sharedObject(), Buffer.alloc(4096)]) } }] });
    const run = await runCli(['scan', '--no-gitignore-audit', '--format', 'json', '--max-file-size', '1KB'], { cwd: repo });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { skipped: { path: string; reason: string }[] }).skipped).toEqual([expect.objectContaining({ path: 'lib/native.so', reason: 'too-large' })]);
  });
});
