import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../src/reporters/index.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

// A token committed as a path (a key saved under its own name) is a finding in every mode, and the
// raw token is printed nowhere: every path in every report shows it redacted.
const TOKEN = FAKE.stripe;
const NAMED = `keys/${TOKEN}.txt`;
const IN_DIR = `${FAKE.stripeOther}/.env`;
const BINARY = `blobs/${FAKE.stripeThird}.bin`;
const LEAKS = [FAKE.stripe, FAKE.stripeOther, FAKE.stripeThird];

function leaked(output: string): string[] {
  return LEAKS.filter((token) => output.includes(token));
}

const FILES = { [NAMED]: 'nothing secret inside\n', [IN_DIR]: 'A=1\n', [BINARY]: Buffer.from([0, 1, 2, 0, 3]), 'README.md': 'hello\n' };

interface JsonFinding {
  ruleId: string;
  path: string;
  isInFileName?: boolean;
}

async function nameFindings(argv: string[], cwd: string): Promise<JsonFinding[]> {
  const run = await runCli([...argv, '--format', 'json'], { cwd });
  expect(run.code).toBe(1);
  const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
  return findings.filter((f) => f.isInFileName === true);
}

describe('tokens in file names', () => {
  it('are found by a tree scan, in the name, and every path is redacted', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hello\n' } }], untracked: FILES });
    const found = await nameFindings(['scan'], repo);
    expect(found.map((f) => [f.ruleId, f.path])).toEqual([
      ['stripe.secret-key', 'blobs/sk_l…(32).bin'],
      ['stripe.secret-key', 'keys/sk_l…(32).txt'],
      ['stripe.secret-key', 'sk_l…(32)/.env'],
    ]);
  });

  it('are found by a staged scan (added and renamed-to paths), a range scan and a history audit, each with its commit', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hello\n', 'old-name.txt': 'x\n' } }] });
    const base = git(repo, ['rev-parse', 'HEAD']).trim();
    git(repo, ['mv', 'old-name.txt', `${TOKEN}.txt`]);
    const staged = await nameFindings(['scan', '--staged'], repo);
    expect(staged.map((f) => f.path)).toEqual(['sk_l…(32).txt']);
    git(repo, ['commit', '-q', '-m', 'rename']);
    const head = git(repo, ['rev-parse', 'HEAD']).trim();
    git(repo, ['mv', `${TOKEN}.txt`, 'plain.txt']);
    git(repo, ['commit', '-q', '-m', 'rename back']);
    const range = await runCli(['scan', `--range=${base}..HEAD`, '--format', 'json'], { cwd: repo });
    const rangeFound = (JSON.parse(range.stdout) as { findings: (JsonFinding & { commit?: { sha: string } })[] }).findings.filter((f) => f.isInFileName === true);
    expect(rangeFound.map((f) => [f.path, f.commit?.sha])).toEqual([['sk_l…(32).txt', head]]);
    const history = await runCli(['scan', '--history', '--format', 'json'], { cwd: repo });
    const historyFound = (JSON.parse(history.stdout) as { findings: (JsonFinding & { commit?: { sha: string } })[] }).findings.filter((f) => f.isInFileName === true);
    expect(historyFound.map((f) => [f.path, f.commit?.sha])).toEqual([['sk_l…(32).txt', head]]);
  });

  it('never print the raw token: every report format in every mode, with --debug, the report file, gitignore, baseline and remediate', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hello\n' } }] });
    const base = git(repo, ['rev-parse', 'HEAD']).trim();
    const outputs: string[] = [];
    const capture = async (argv: string[]): Promise<void> => {
      const run = await runCli(argv, { cwd: repo });
      outputs.push(`${argv.join(' ')}\n${run.stdout}\n${run.stderr}`);
    };
    const { writeFile, mkdir } = await import('node:fs/promises');
    for (const [path, content] of Object.entries(FILES)) {
      await mkdir(join(repo, path, '..'), { recursive: true });
      await writeFile(join(repo, path), content);
    }
    await capture(['gitignore']);
    await capture(['gitignore', '--format', 'json']);
    for (const format of REPORT_FORMATS) await capture(['scan', '--format', format, '--debug']);
    git(repo, ['add', '-A']);
    for (const format of REPORT_FORMATS) await capture(['scan', '--staged', '--format', format, '--debug']);
    git(repo, ['commit', '-q', '-m', 'plant']);
    for (const format of REPORT_FORMATS) {
      await capture(['scan', `--range=${base}..HEAD`, '--format', format, '--debug']);
      await capture(['scan', '--history', '--format', format, '--debug']);
    }
    await capture(['scan', '--history', '--format', 'sarif', '--output', 'report.sarif']);
    outputs.push(await readFile(join(repo, 'report.sarif'), 'utf8'));
    for (const format of ['text', 'markdown', 'json']) await capture(['remediate', '--format', format]);
    await capture(['baseline']);
    outputs.push(await readFile(join(repo, '.secretscan-baseline.json'), 'utf8'));
    const all = outputs.join('\n');
    // The reports do name the files, redacted: the check above cannot pass by printing nothing.
    expect(all).toContain('keys/sk_l…(32).txt');
    expect(all).toContain('blobs/sk_l…(32).bin');
    expect(leaked(all)).toEqual([]);
  }, 120_000);

  it('show the raw name with --show-secrets only', async () => {
    const repo = await createRepo({ commits: [{ files: { [NAMED]: 'x\n' } }] });
    const run = await runCli(['scan', '--show-secrets', '--format', 'json'], { cwd: repo });
    expect(run.stdout).toContain(NAMED);
  });
});
