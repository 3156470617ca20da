import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepo, git } from '../helpers/git-repo.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';

/** A config whose aliases expand to 10^9 nodes when fully copied (the "billion laughs"). */
function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    const prev = names[i - 1] ?? 'a';
    lines.push(`${names[i]}: &${names[i]} [${Array.from({ length: 10 }, () => `*${prev}`).join(',')}]`);
  }
  lines.push('allowlist:', '  - reason: bomb', '    paths: *i');
  return `${lines.join('\n')}\n`;
}

interface JsonReport {
  findings: { ruleId: string; path: string; isPresentAtHead?: boolean }[];
}

describe('configuration edges', () => {
  it('an alias bomb in .secretscan.yaml is a configuration problem (exit 2), found without expanding it', async () => {
    const root = await createRepo({ commits: [{ files: { 'app.py': 'x = 1\n', '.secretscan.yaml': aliasBomb() } }] });
    const run = await runCli(['scan'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.secretscan\.yaml: .*alias/i);
    expect(run.stderr).not.toMatch(/internal error|this is a bug/);
  });

  it('lists every configuration problem in one run, each with file:line, unknown rule ids included', async () => {
    const config = [
      'rules:',
      '  disable:',
      '    - stripe.secret-key',
      '    - no-such.rule',
      'allowlist:',
      '  - reason: fixtures',
      '    paths: [fixtures/]',
      '    rules: [generic, not-a-provider.kind]',
      '  - paths: [docs/]',
      'maxFileSize: huge',
      '',
    ].join('\n');
    const root = await createRepo({ commits: [{ files: { 'app.py': 'x = 1\n', '.secretscan.yaml': config } }] });
    const run = await runCli(['scan'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.secretscan\.yaml:4: rules\.disable\[1\]: no rule, provider or file kind `no-such\.rule`/);
    expect(run.stderr).toMatch(/\.secretscan\.yaml:8: allowlist\[0\]\.rules\[1\]: no rule, provider or file kind `not-a-provider\.kind`/);
    expect(run.stderr).toMatch(/\.secretscan\.yaml:9: allowlist\[1\].*reason/);
    expect(run.stderr).toMatch(/\.secretscan\.yaml:10: maxFileSize/);
    expect(run.stderr).not.toMatch(/stripe\.secret-key`/);
  });

  it('secret-bearing file kinds are ids: disabled, allowlisted by path for that kind, listed by rules list', async () => {
    const files = { '.env': 'MODE=local\n', 'deploy/.env': 'MODE=prod\n', 'app.py': 'x = 1\n' };
    const plain = await createRepo({ commits: [{ files }] });
    const before = JSON.parse((await runCli(['scan', '--format', 'json'], { cwd: plain })).stdout) as JsonReport;
    expect(
      before.findings
        .filter((f) => f.ruleId === 'file.dotenv')
        .map((f) => f.path)
        .sort(),
    ).toEqual(['.env', 'deploy/.env']);

    const disabled = await createRepo({ commits: [{ files: { ...files, '.secretscan.yaml': 'rules:\n  disable: [file.dotenv]\n' } }] });
    const off = await runCli(['scan', '--format', 'json'], { cwd: disabled });
    expect(off.stderr).toBe('');
    expect((JSON.parse(off.stdout) as JsonReport).findings.filter((f) => f.ruleId === 'file.dotenv')).toEqual([]);

    const allowlisted = await createRepo({
      commits: [{ files: { ...files, '.secretscan.yaml': 'allowlist:\n  - reason: local settings only\n    paths: [/.env]\n    rules: [file.dotenv]\n' } }],
    });
    const kept = JSON.parse((await runCli(['scan', '--format', 'json'], { cwd: allowlisted })).stdout) as JsonReport;
    expect(kept.findings.filter((f) => f.ruleId === 'file.dotenv').map((f) => f.path)).toEqual(['deploy/.env']);
    const audit = await runCli(['gitignore', '--format', 'json'], { cwd: allowlisted });
    expect((JSON.parse(audit.stdout) as JsonReport).findings.map((f) => f.path)).toEqual(['deploy/.env']);

    const list = await runCli(['rules', 'list'], { cwd: plain });
    expect(list.stdout).toMatch(/^file\.dotenv\s+\S+\s+/m);
    expect(list.stdout).toMatch(/\d+ rules, \d+ secret-bearing file kinds\n$/);
  });

  it('--timeout past the longest timer is refused; a negative --threads says what is accepted', async () => {
    const root = await createRepo({ commits: [{ files: { 'app.py': 'x = 1\n' } }] });
    const long = await runCli(['scan', '--timeout', String(30 * 24 * 3600)], { cwd: root });
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/--timeout 2592000 is longer than the longest timeout, 2147483 seconds/);
    const threads = await runCli(['scan', '--threads', '-1'], { cwd: root });
    expect(threads.code).toBe(2);
    expect(threads.stderr).toMatch(/--threads -1 is not a whole number/);
    expect(threads.stderr).not.toMatch(/ambiguous/);
    const size = await runCli(['scan', '--max-file-size', '-5'], { cwd: root });
    expect(size.code).toBe(2);
    expect(size.stderr).toMatch(/--max-file-size -5 is not a size/);
  });

  it("a secret in HEAD's own commit message is at HEAD, not 'removed from HEAD'", async () => {
    const root = await createRepo({ commits: [{ files: { 'app.py': 'x = 1\n' } }] });
    await writeFile(join(root, 'notes.txt'), 'nothing here\n');
    git(root, ['add', 'notes.txt']);
    git(root, ['commit', '-q', '-m', `add notes\n\nkey used: ${FAKE.stripe}\n`]);
    const run = await runCli(['scan', '--history', '--format', 'json'], { cwd: root });
    const report = JSON.parse(run.stdout) as JsonReport;
    const message = report.findings.find((f) => f.path === 'COMMIT_EDITMSG');
    expect(message?.ruleId).toBe('stripe.secret-key');
    expect(message?.isPresentAtHead).toBe(true);
    const text = await runCli(['scan', '--history'], { cwd: root });
    expect(text.stdout).not.toContain('removed from HEAD');

    git(root, ['commit', '-q', '--allow-empty', '-m', 'later commit']);
    const later = JSON.parse((await runCli(['scan', '--history', '--format', 'json'], { cwd: root })).stdout) as JsonReport;
    expect(later.findings.find((f) => f.path === 'COMMIT_EDITMSG')?.isPresentAtHead).toBe(false);
  });
});
