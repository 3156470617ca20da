import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadYamlSupport, parseYamlDocument } from '../../src/rules/index.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

interface WorkflowStep {
  uses?: string;
  id?: string;
  if?: string;
  with?: Record<string, unknown>;
}

interface Workflow {
  on: { pull_request: unknown; push: { branches: string[] }; schedule: { cron: string }[] };
  permissions: Record<string, string>;
  jobs: Record<'changes' | 'history', { if: string; steps: WorkflowStep[] }>;
}

/** Every path under `dir` except .git, sorted. */
async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((entry) => !entry.startsWith('.git/') && entry !== '.git').sort();
}

describe('secretscan init', () => {
  it('exits 2 outside a git repository', async () => {
    const dir = await makeTempDir();
    const run = await runCli(['init'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not inside a git repository');
    expect(await readdir(dir)).toEqual([]);
  });

  it('exits 2 in a bare repository', async () => {
    const repo = await createRepo({ isBare: true });
    const run = await runCli(['init'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bare repository');
  });

  it('works from a subdirectory: files go to the top level', async () => {
    const repo = await createRepo({ commits: [{ files: { 'src/app.js': 'x\n' } }] });
    const run = await runCli(['init'], { cwd: join(repo, 'src') });
    expect(run.code).toBe(0);
    await stat(join(repo, '.secretscan.yaml'));
    await stat(join(repo, '.git', 'hooks', 'pre-commit'));
  });

  it('--dry-run prints what would change and writes nothing', async () => {
    const repo = await createRepo({ commits: [{ files: { 'package.json': '{\n  "name": "demo"\n}\n' } }] });
    const before = await listTree(repo);
    const run = await runCli(['init', '--github', '--dry-run'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('would update package.json');
    expect(run.stdout).toContain('would create .husky/pre-commit');
    expect(run.stdout).toContain('would create .secretscan.yaml');
    expect(run.stdout).toContain('would create .github/workflows/secretscan.yml');
    expect(run.stdout).toContain('dry run: nothing was written.');
    expect(await listTree(repo)).toEqual(before);
    expect(await readFile(join(repo, 'package.json'), 'utf8')).toBe('{\n  "name": "demo"\n}\n');
  });

  it('--dry-run with an existing hook names the rename and leaves the hook in place', async () => {
    const repo = await createRepo({ commits: [{ files: { 'a.txt': 'a\n' } }] });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(repo, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\n', { mode: 0o755 });
    const run = await runCli(['init', '--dry-run'], { cwd: repo });
    expect(run.stdout).toContain('would rename .git/hooks/pre-commit to pre-commit.local');
    expect(await readFile(join(repo, '.git', 'hooks', 'pre-commit'), 'utf8')).toBe('#!/bin/sh\n');
    await expect(stat(join(repo, '.git', 'hooks', 'pre-commit.local'))).rejects.toThrow();
  });

  it('--github writes a workflow with the expected triggers, least permissions, current majors and a category per job', async () => {
    const repo = await createRepo({ commits: [{ files: { 'a.txt': 'a\n' } }] });
    git(repo, ['branch', '-m', 'trunk']);
    const run = await runCli(['init', '--github'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('created .github/workflows/secretscan.yml');
    await loadYamlSupport();
    const text = await readFile(join(repo, '.github', 'workflows', 'secretscan.yml'), 'utf8');
    const doc = parseYamlDocument(text, 'secretscan.yml');
    expect(doc.errors).toEqual([]);
    const workflow = doc.value as Workflow;
    expect(workflow.on.pull_request).toBeNull();
    expect(workflow.on.push.branches).toEqual(['trunk']);
    expect(workflow.on.schedule[0]?.cron).toMatch(/^\d+ \d+ \* \* \d$/);
    expect(workflow.permissions).toEqual({ contents: 'read', 'security-events': 'write', actions: 'read' });
    const version = (JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    const { inputs } = parseYamlDocument(await readFile(new URL('../../action.yml', import.meta.url), 'utf8'), 'action.yml').value as { inputs: Record<string, unknown> };
    expect(Object.keys(workflow.jobs).sort()).toEqual(['changes', 'history']);
    const categories = new Set<string>();
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const [checkout, scan, upload] = job.steps;
      expect(checkout).toEqual({ uses: 'actions/checkout@v6', with: { 'fetch-depth': 0, 'persist-credentials': false } });
      // The release that wrote the workflow, by its tag; only inputs action.yml declares.
      expect(scan).toEqual({ uses: `secretscan/secretscan@v${version}`, id: 'secretscan', with: { 'fail-on': 'low', 'sarif-file': 'secretscan.sarif' } });
      for (const input of Object.keys(scan?.with ?? {})) expect(Object.keys(inputs)).toContain(input);
      expect(upload).toEqual({
        uses: 'github/codeql-action/upload-sarif@v4',
        if: "always() && steps.secretscan.outputs.sarif-file != ''",
        with: {
          sarif_file: '${{ steps.secretscan.outputs.sarif-file }}',
          category: `secretscan-${name}`,
        },
      });
      categories.add(String(upload?.with?.category));
    }
    expect(categories.size).toBe(2);
    // The jobs split the events between them: history on schedule and manual runs, changes otherwise.
    expect(workflow.jobs.history.if).toBe("github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'");
    expect(workflow.jobs.changes.if).toBe("github.event_name != 'schedule' && github.event_name != 'workflow_dispatch'");
    // Private repositories: the requirement is in the file the user reads.
    expect(text).toContain('Code scanning on a private repository needs GitHub Code Security');
  });

  it('without --github writes no workflow; an existing config is left alone', async () => {
    const repo = await createRepo({ commits: [{ files: { '.secretscan.yml': 'maxFileSize: 1MiB\n' } }] });
    const run = await runCli(['init'], { cwd: repo });
    expect(run.stdout).toContain('unchanged .secretscan.yml: a configuration already exists');
    await expect(stat(join(repo, '.secretscan.yaml'))).rejects.toThrow();
    await expect(stat(join(repo, '.github'))).rejects.toThrow();
  });

  it('has help and rejects unknown flags', async () => {
    const cwd = await makeTempDir();
    const help = await runCli(['init', '--help'], { cwd });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: secretscan init [--github] [--dry-run]');
    const bad = await runCli(['init', '--no-hook'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown argument: --no-hook');
  });
});
