import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Occurrence } from '../../src/findings/index.js';
import { executeScan, type SourceRequest } from '../../src/pipeline/index.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

// A password only the assignment rule finds; the other copies sit where no rule matches.
const VALUE = ['Vq8-', 'mZ2x!', 'Lp7Rt'].join('');
const CONFIG = `db_password = "${VALUE}"\n`;
const SCRIPT = `#!/bin/sh\nconnect ${VALUE}\necho done\nconnect ${VALUE}\n`;

interface JsonFinding {
  ruleId: string;
  path: string;
  startLine: number;
  commit?: { sha: string };
  isPresentAtHead?: boolean;
  occurrences?: { path: string; startLine: number; startColumn: number; commit?: { sha: string } }[];
}

async function jsonScan(cwd: string, args: string[]): Promise<JsonFinding[]> {
  const run = await runCli(['scan', '--no-gitignore-audit', '--format', 'json', ...args], { cwd });
  expect(run.code).toBe(1);
  expect(run.stdout).not.toContain(VALUE);
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
}

const placesOf = (finding: JsonFinding | undefined) => (finding?.occurrences ?? []).map((o) => `${o.path}:${o.startLine}:${o.startColumn}${o.commit ? `@${o.commit.sha.slice(0, 7)}` : ''}`).sort();
const sha = (repo: string, rev: string) => git(repo, ['rev-parse', rev]).trim().slice(0, 7);

describe('one secret, every place', () => {
  it('tree: lists every other file and line holding a found value, where no rule matches too, in JSON, SARIF and text', async () => {
    const repo = await createRepo({ commits: [{ files: { 'config.ini': CONFIG, 'run.sh': SCRIPT, 'clean.txt': 'nothing here\n' } }] });
    const findings = await jsonScan(repo, []);
    expect(findings.map((f) => `${f.ruleId} ${f.path}`)).toEqual(['generic.password-assignment config.ini']);
    expect(placesOf(findings[0])).toEqual(['config.ini:1:16', 'run.sh:2:9', 'run.sh:4:9']);
    const sarif = await runCli(['scan', '--no-gitignore-audit', '--format', 'sarif'], { cwd: repo });
    const result = (JSON.parse(sarif.stdout) as { runs: { results: { relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] }).runs[0]?.results[0];
    expect(result?.relatedLocations?.map((l) => `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region.startLine}`)).toEqual(['run.sh:2']);
    const text = await runCli(['scan', '--no-gitignore-audit'], { cwd: repo });
    expect(text.stdout).toMatch(/also in:\n\s+run\.sh:2/);
    expect(`${text.stdout}${sarif.stdout}`).not.toContain(VALUE);
  });

  it('tree: a finding whose value sits nowhere else gets no occurrences, and a scan without findings makes no second pass', async () => {
    const repo = await createRepo({ commits: [{ files: { 'config.ini': CONFIG, 'other.txt': 'hello\n' } }] });
    const findings = await jsonScan(repo, []);
    expect(findings[0]?.occurrences).toBeUndefined();
    const lines: string[] = [];
    const clean = await createRepo({ commits: [{ files: { 'a.txt': `connect ${VALUE}\n` } }] });
    await executeScan({ cwd: clean, source: { kind: 'tree', paths: [] }, threads: 0, log: (line) => lines.push(line) });
    expect(lines.some((line) => line.startsWith('second pass'))).toBe(false);
  });

  it('staged: lists the copies in the other staged changes', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }], staged: { 'config.ini': CONFIG, 'run.sh': SCRIPT } });
    const findings = await jsonScan(repo, ['--staged']);
    expect(findings).toHaveLength(1);
    expect(placesOf(findings[0])).toEqual(['config.ini:1:16', 'run.sh:2:9', 'run.sh:4:9']);
  });

  it('range: lists the copies in other commits of the range, each with its commit', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }, { files: { 'config.ini': CONFIG } }, { files: { 'run.sh': SCRIPT } }] });
    const findings = await jsonScan(repo, ['--range', 'HEAD~2..HEAD']);
    expect(findings).toHaveLength(1);
    const [first, second] = [sha(repo, 'HEAD~1'), sha(repo, 'HEAD')];
    expect(placesOf(findings[0])).toEqual([`config.ini:1:16@${first}`, `run.sh:2:9@${second}`, `run.sh:4:9@${second}`]);
  });

  it('history: reports each line a value sits on, and copies no rule matches, with their commits and HEAD status', async () => {
    const repo = await createRepo({
      commits: [{ files: { 'config.ini': CONFIG, 'keys.env': `A=${FAKE.stripe}\nB=${FAKE.stripe}\n` } }, { files: { 'config.ini': null, 'run.sh': SCRIPT } }],
    });
    const findings = await jsonScan(repo, ['--history']);
    const [first, second] = [sha(repo, 'HEAD~1'), sha(repo, 'HEAD')];
    const password = findings.find((f) => f.ruleId === 'generic.password-assignment');
    expect(placesOf(password)).toEqual([`config.ini:1:16@${first}`, `run.sh:2:9@${second}`, `run.sh:4:9@${second}`]);
    // The rule matched only in config.ini, which HEAD no longer has; the copies in run.sh are still there.
    expect(password).toMatchObject({ path: 'config.ini', startLine: 1, isPresentAtHead: true });
    const stripe = findings.find((f) => f.ruleId === 'stripe.secret-key');
    expect(placesOf(stripe)).toEqual([`keys.env:1:3@${first}`, `keys.env:2:3@${first}`]);
  });

  it('history: a secret leaves the tree when its last copy does, found by value or by a rule', async () => {
    const repo = await createRepo();
    const commitAt = async (date: string, files: Record<string, string | null>): Promise<string> => {
      for (const [path, content] of Object.entries(files)) {
        if (content === null) git(repo, ['rm', '-q', path]);
        else {
          await writeFile(join(repo, path), content);
          git(repo, ['add', path]);
        }
      }
      git(repo, ['commit', '-q', '-m', `at ${date}`, '--date', date]);
      return git(repo, ['rev-parse', 'HEAD']).trim();
    };
    await commitAt('2024-02-01T10:00:00Z', { 'config.ini': CONFIG });
    await commitAt('2024-03-01T10:00:00Z', { 'config.ini': null, 'run.sh': SCRIPT });
    const last = await commitAt('2024-04-01T10:00:00Z', { 'run.sh': null, 'README.md': 'gone\n' });
    const run = await runCli(['scan', '--no-gitignore-audit', '--format', 'json', '--history'], { cwd: repo });
    const [finding] = (JSON.parse(run.stdout) as { findings: (JsonFinding & { removedIn?: { sha: string } })[] }).findings;
    expect(finding).toMatchObject({ path: 'config.ini', isPresentAtHead: false, removedIn: { sha: last } });
  });

  it('reads the source again for the second pass when it read more than it keeps: tree and history', async () => {
    const repo = await createRepo({ commits: [{ files: { 'config.ini': CONFIG } }, { files: { 'run.sh': SCRIPT } }] });
    const sources: SourceRequest[] = [{ kind: 'tree', paths: [] }, { kind: 'history' }];
    for (const source of sources) {
      const lines: string[] = [];
      const scan = await executeScan({ cwd: repo, source, threads: 0, retainBytes: 0, shouldAuditGitignore: false, log: (line) => lines.push(line) });
      expect(lines.find((line) => line.startsWith('second pass'))).toContain('source read again');
      const occurrences: Occurrence[] = scan.result.findings.flatMap((f) => f.occurrences ?? []);
      expect(occurrences.filter((o) => o.path === 'run.sh').map((o) => o.startLine)).toEqual([2, 4]);
    }
  });
});
