import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../src/reporters/index.js';
import { createMatcher } from '../../src/engine/index.js';
import type { Finding } from '../../src/findings/index.js';
import { loadBuiltinRules } from '../../src/rules/index.js';
import { makeActionCheckout, runAction } from '../action/run-action.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Every example of every built-in rule is planted in a tree and scanned with every reporter,
// --debug on, text both on a TTY and not; no example secret may appear in stdout, stderr or the
// report file. Secrets are extracted with the rule's own regex and taken from the engine itself
// (--show-secrets); a secret found by decoding counts twice: decoded, and as the encoded text.
const { rules } = await loadBuiltinRules();

/** The text a finding points at (1-based lines and columns, end column exclusive). */
function textAt(text: string, f: Finding): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return text.slice((starts[f.startLine - 1] ?? 0) + f.startColumn - 1, (starts[f.endLine - 1] ?? 0) + f.endColumn - 1);
}

const planted = rules.flatMap((rule) =>
  rule.spec.examples.map((text, i) => {
    const found = createMatcher([rule], { shouldRevealSecrets: true }).scanChunk({ origin: 'stdin', path: 'example.txt', text, startLine: 1 }).findings;
    rule.regex.lastIndex = 0;
    const direct = rule.spec.decoder === undefined ? [...text.matchAll(rule.regex)].map((m) => m.groups?.secret ?? m[0]) : [];
    const revealed = found.flatMap((f) => [f.secret ?? '', ...(f.decodedFrom === undefined ? [] : [textAt(text, f)])]);
    // Values under 8 characters (a weak password such as "root") occur in ordinary output by
    // chance, so they cannot be searched for; their findings still show only the preview.
    const secrets = [...direct, ...revealed].filter((s) => s.length >= 8);
    const isShortOnly = revealed.length > 0 && revealed.every((s) => s.length < 8);
    return { file: `${rule.spec.id}-${i}.txt`, text, secrets, isShortOnly, isDetected: found.length > 0 };
  }),
);
const secrets = [...new Set(planted.flatMap((p) => p.secrets))];

async function plantTree(): Promise<string> {
  const dir = await makeTempDir();
  await Promise.all(planted.map((p) => writeFile(join(dir, p.file), `${p.text}\n`)));
  return dir;
}

function leaked(output: string): string[] {
  return secrets.filter((secret) => output.includes(secret));
}

describe('no raw secret reaches any output', () => {
  it('plants a secret for every rule example', () => {
    expect(planted.filter((p) => !p.isDetected || (p.secrets.length === 0 && !p.isShortOnly)).map((p) => p.file)).toEqual([]);
    expect(secrets.length).toBeGreaterThan(rules.length);
  });

  it.each([...REPORT_FORMATS])('%s report, stdout and file, with --debug', async (format) => {
    const dir = await plantTree();
    const toStdout = await runCli(['scan', '--format', format, '--debug'], { cwd: dir });
    const toFile = await runCli(['scan', '--format', format, '--debug', '--output', 'report.out'], { cwd: dir });
    const file = await readFile(join(dir, 'report.out'), 'utf8');
    expect(toStdout.code).toBe(1);
    expect(toStdout.stdout.length).toBeGreaterThan(1000);
    expect(leaked(toStdout.stdout + toStdout.stderr + toFile.stdout + toFile.stderr + file)).toEqual([]);
  });

  it('text report on a terminal, with colour', async () => {
    const dir = await plantTree();
    const run = await runCli(['scan', '--debug'], { cwd: dir, isTTY: true });
    expect(run.stdout).toContain('\u001b[');
    expect(leaked(run.stdout + run.stderr)).toEqual([]);
  });

  it.each([...REPORT_FORMATS])('git sources (staged, range, history) with the %s report and --debug', async (format) => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'start\n' } }] });
    const base = git(repo, ['rev-parse', 'HEAD']).trim();
    await Promise.all(planted.map((p) => writeFile(join(repo, p.file), `${p.text}\n`)));
    git(repo, ['add', '-A']);
    const staged = await runCli(['scan', '--staged', '--format', format, '--debug'], { cwd: repo });
    git(repo, ['commit', '-q', '-m', 'plant every example']);
    const range = await runCli(['scan', `--range=${base}..HEAD`, '--format', format, '--debug'], { cwd: repo });
    const history = await runCli(['scan', '--history', '--format', format, '--debug'], { cwd: repo, isTTY: true });
    for (const run of [staged, range, history]) {
      expect(run.code).toBe(1);
      expect(leaked(run.stdout + run.stderr)).toEqual([]);
    }
  });

  it('the GitHub Action (annotations, job summary, outputs, SARIF) and the baseline file', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'start\n' } }] });
    const base = git(repo, ['rev-parse', 'HEAD']).trim();
    await Promise.all(planted.map((p) => writeFile(join(repo, p.file), `${p.text}\n`)));
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'plant every example']);
    const head = git(repo, ['rev-parse', 'HEAD']).trim();
    const checkout = await makeActionCheckout();
    try {
      const action = await runAction({
        checkout: checkout.dir,
        eventName: 'pull_request',
        payload: { pull_request: { base: { sha: base }, head: { sha: head } }, repository: { default_branch: 'main' } },
        workspace: repo,
      });
      expect(action.code).toBe(1);
      const sarif = await readFile(join(repo, 'secretscan.sarif'), 'utf8');
      expect(leaked(action.stdout + action.stderr + action.summary + JSON.stringify(action.outputs) + sarif)).toEqual([]);
    } finally {
      await checkout.remove();
    }
    const baseline = await runCli(['baseline', '--debug'], { cwd: repo });
    expect(baseline.code).toBe(0);
    expect(leaked(baseline.stdout + baseline.stderr + (await readFile(join(repo, '.secretscan-baseline.json'), 'utf8')))).toEqual([]);
  }, 60_000);

  it('stdin scans', async () => {
    const dir = await makeTempDir();
    const input = planted.map((p) => p.text).join('\n');
    const run = await runCli(['scan', '--stdin', '--debug', '--format', 'json'], { cwd: dir, stdin: input });
    expect(run.code).toBe(1);
    expect(leaked(run.stdout + run.stderr)).toEqual([]);
  });

  it('--show-secrets is the one switch that reveals values, with a warning', async () => {
    const dir = await plantTree();
    const run = await runCli(['scan', '--format', 'json', '--show-secrets'], { cwd: dir });
    expect(run.stderr).toContain('--show-secrets prints raw secret values');
    expect(leaked(run.stdout).length).toBeGreaterThan(0);
  });
});
