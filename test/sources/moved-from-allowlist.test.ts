import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

interface Report {
  findings: { ruleId: string; path: string; startLine: number }[];
}

async function scan(cwd: string, args: string[]): Promise<{ code: number; report: Report }> {
  const run = await runCli(['scan', ...args, '--format', 'json', '--no-gitignore-audit'], { cwd });
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

const at = (report: Report): string[] => report.findings.map((f) => `${f.path}:${f.startLine}`);

const CREDS = `# test credentials\nUSER = "demo"\nSTRIPE = "${FAKE.stripe}"\nTIMEOUT = 3\n`;

function configWith(entry: string): string {
  return `allowlist:\n  - reason: test fixtures\n${entry}`;
}

const WHOLE_PATH = configWith('    paths: ["fixtures/**"]\n');
const RULE_AT_PATH = configWith('    paths: ["fixtures/**"]\n    rules: [stripe.secret-key]\n');

function repoWith(config: string): Promise<string> {
  return createRepo({ commits: [{ files: { '.secretscan.yaml': config, 'fixtures/creds.py': CREDS, 'src/app.py': 'print(1)\n' } }] });
}

describe.each([
  ['a whole-path allowlist entry', WHOLE_PATH],
  ['an allowlist entry for one rule at that path', RULE_AT_PATH],
])('a file moved out of a path suppressed by %s', (_name, config) => {
  it('git mv to a path that is not allowlisted: --staged scans the whole new file', async () => {
    const repo = await repoWith(config);
    git(repo, ['mv', 'fixtures/creds.py', 'src/creds.py']);
    const { code, report } = await scan(repo, ['--staged']);
    expect(at(report)).toEqual(['src/creds.py:3']);
    expect(code).toBe(1);
  });

  it('a rename with edits, and a copy whose source is edited too', async () => {
    const repo = await repoWith(config);
    git(repo, ['mv', 'fixtures/creds.py', 'src/creds.py']);
    await writeFile(join(repo, 'src/creds.py'), `${CREDS}RETRIES = 2\n`);
    git(repo, ['add', 'src/creds.py']);
    expect(at((await scan(repo, ['--staged'])).report)).toEqual(['src/creds.py:3']);
    git(repo, ['reset', '-q', '--hard']);
    await cp(join(repo, 'fixtures/creds.py'), join(repo, 'src/settings.py'));
    await writeFile(join(repo, 'fixtures/creds.py'), `${CREDS}EXTRA = 1\n`);
    git(repo, ['add', '-A']);
    expect(at((await scan(repo, ['--staged'])).report)).toEqual(['src/settings.py:3']);
  });

  it('--range scans the whole file in the commit that moved it', async () => {
    const repo = await repoWith(config);
    const base = git(repo, ['rev-parse', 'HEAD']).trim();
    git(repo, ['mv', 'fixtures/creds.py', 'src/creds.py']);
    git(repo, ['commit', '-qm', 'promote fixture']);
    expect(at((await scan(repo, ['--range', `${base}..HEAD`])).report)).toEqual(['src/creds.py:3']);
  });

  it('a move within the allowlisted path, or from a path that is not allowlisted, reads only changed lines', async () => {
    const repo = await repoWith(config);
    git(repo, ['mv', 'fixtures/creds.py', 'fixtures/creds-old.py']);
    expect(at((await scan(repo, ['--staged'])).report)).toEqual([]);
    git(repo, ['commit', '-qm', 'move', '--no-verify']);
    await writeFile(join(repo, 'src/keys.py'), `K = "${FAKE.stripeOther}"\n`);
    git(repo, ['add', 'src/keys.py']);
    git(repo, ['commit', '-qm', 'keys (accepted)']);
    git(repo, ['mv', 'src/keys.py', 'src/secrets.py']);
    expect(at((await scan(repo, ['--staged'])).report)).toEqual([]);
  });
});
