import { describe, expect, it } from 'vitest';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { sarifSchemaErrors } from '../reporters/sarif/schema.js';

interface JsonFinding {
  ruleId: string;
  path: string;
  context: string;
  commit?: { sha: string };
  isPresentAtHead?: boolean;
}
const findingsOf = (stdout: string): JsonFinding[] => (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
const HARMLESS = 'DEBUG=true\n';

describe('the gitignore audit inside scan', () => {
  it('reports a staged .env with scan --staged', async () => {
    const root = await createRepo({ commits: [{ files: { 'README.md': 'x\n' } }], staged: { '.env': HARMLESS } });
    const run = await runCli(['scan', '--staged', '--format', 'json'], { cwd: root });
    expect(run.code).toBe(1);
    expect(findingsOf(run.stdout).map((f) => [f.ruleId, f.path])).toEqual([['file.dotenv', '.env']]);
    expect(findingsOf(run.stdout)[0]?.context).toContain('staged for commit');
  });

  it('reports a .env committed then deleted with scan --history: first commit and deleted since', async () => {
    const root = await createRepo({ commits: [{ files: { '.env': HARMLESS } }, { files: { '.env': null, 'a.txt': 'a\n' } }] });
    const first = git(root, ['rev-list', '--max-parents=0', 'HEAD']).trim();
    const run = await runCli(['scan', '--history', '--format', 'json', '--threads', '0'], { cwd: root });
    expect(run.code).toBe(1);
    const [finding] = findingsOf(run.stdout);
    expect(finding?.commit?.sha).toBe(first);
    expect(finding?.isPresentAtHead).toBe(false);
    expect(finding?.context).toContain('deleted since');
    expect((await runCli(['scan', '--history', '--threads', '0'], { cwd: root })).stdout).toContain('removed from HEAD');
  });

  it('reports tracked and unignored files in a working-tree scan; --no-gitignore-audit turns it off', async () => {
    const root = await createRepo({ commits: [{ files: { 'config/credentials.json': '{}\n' } }], untracked: { id_rsa: 'k\n', 'id_rsa.pub': 'p\n' } });
    const run = await runCli(['scan', '--format', 'json'], { cwd: root });
    expect(run.code).toBe(1);
    expect(findingsOf(run.stdout).map((f) => f.path)).toEqual(['config/credentials.json', 'id_rsa']);
    const off = await runCli(['scan', '--no-gitignore-audit', '--format', 'json'], { cwd: root });
    expect(off.code).toBe(0);
    expect(findingsOf(off.stdout)).toEqual([]);
    const staged = await runCli(['scan', '--staged', '--no-gitignore-audit'], { cwd: root });
    expect(staged.code).toBe(0);
  });

  it('applies whole-path allowlists to audit findings', async () => {
    const root = await createRepo({ commits: [{ files: { '.secretscan.yaml': 'allowlist:\n  - reason: fixtures\n    paths: [fixtures/]\n', 'fixtures/.env': HARMLESS } }] });
    expect((await runCli(['scan'], { cwd: root })).code).toBe(0);
  });

  it('produces valid SARIF for audit findings and no secret text', async () => {
    const root = await createRepo({ commits: [{ files: { 'backend/.env': `KEY=${FAKE.stripe}\n` } }] });
    const run = await runCli(['scan', '--format', 'sarif'], { cwd: root });
    expect(sarifSchemaErrors(JSON.parse(run.stdout))).toEqual([]);
    expect(run.stdout).toContain('file.dotenv');
    expect(run.stdout).not.toContain(FAKE.stripe);
    for (const format of ['text', 'markdown', 'json']) expect((await runCli(['scan', '--format', format], { cwd: root })).stdout).not.toContain(FAKE.stripe);
  });

  // `rules check` times every built-in rule (~35 s idle on 2 cores, much longer under load), as test/rule-check does.
  it('rules check validates the catalogue too', { timeout: 300_000 }, async () => {
    const run = await runCli(['rules', 'check'], { cwd: process.cwd() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/secret-bearing file kinds in .*sensitive-files\.yaml: all examples pass/);
  });
});
