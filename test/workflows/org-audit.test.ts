import { spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The reusable organization-audit workflow, checked by running it: its YAML is parsed, each job's
// `run` scripts run in bash (as GitHub runs them: bash -eo pipefail) against local repositories,
// and the GitHub-only actions (checkout, setup-node, upload/download-artifact) and the network
// tools (gh, npm install) are replaced by local stand-ins.

const WORKFLOW = new URL('../../.github/workflows/org-audit.yml', import.meta.url);
const CLI = new URL('../../dist/cli/bin.mjs', import.meta.url).pathname;

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number | boolean>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  strategy?: { 'fail-fast'?: boolean; 'max-parallel'?: string; matrix?: Record<string, string> };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { workflow_call: { inputs: Record<string, { type: string; default?: unknown }>; secrets: Record<string, unknown>; outputs: Record<string, { value: string }> } };
  defaults: { run: { shell: string } };
  jobs: Record<string, Job>;
}

async function loadWorkflow(): Promise<Workflow> {
  return parse(await readFile(WORKFLOW, 'utf8')) as Workflow;
}

/** `${{ expr }}` replaced from `context`; an expression the test does not know fails it. */
function expand(text: string, context: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
    const value = context[expr];
    if (value === undefined) throw new Error(`the test does not know the expression \${{ ${expr} }}`);
    return value;
  });
}

/** Stand-ins for network tools: `npm install --global secretscan@…` links the built CLI; `gh api` lists from a file. */
async function standIns(dir: string, orgListing: string): Promise<string> {
  const bin = join(dir, 'bin');
  await mkdir(bin, { recursive: true });
  const scripts: Record<string, string> = {
    npm: `#!/bin/sh\ncase "$*" in\n  "install --global --no-audit --no-fund secretscan@"*) printf '#!/bin/sh\\nexec "%s" "%s" "$@"\\n' "${process.execPath}" "${CLI}" > "${bin}/secretscan"; chmod +x "${bin}/secretscan";;\n  *) echo "npm stand-in: unexpected: $*" >&2; exit 9;;\nesac\n`,
    gh: `#!/bin/sh\necho "$*" >> "${dir}/gh-calls"\n[ "$1 $2 $3" = "api --paginate orgs/acme/repos?per_page=100&type=all" ] || { echo "gh stand-in: unexpected: $*" >&2; exit 9; }\n[ -n "$GH_TOKEN" ] || exit 8\njq -r "$5" "${orgListing}"\n`,
  };
  for (const [name, text] of Object.entries(scripts)) {
    await writeFile(join(bin, name), text);
    await chmod(join(bin, name), 0o755);
  }
  return bin;
}

interface Runner {
  dir: string;
  bin: string;
  artifacts: string;
  repos: Record<string, string>;
  summary: string;
}

/** Runs one step in `cwd`; returns what it wrote to GITHUB_OUTPUT. */
async function runStep(step: Step, cwd: string, context: Record<string, string>, runner: Runner): Promise<Record<string, string>> {
  const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, expand(String(value), context)]));
  if (step.uses !== undefined) {
    await standInAction(step.uses, inputs, cwd, runner);
    return {};
  }
  const script = join(runner.dir, `step-${Math.random().toString(36).slice(2)}.sh`);
  const output = `${script}.out`;
  await writeFile(script, expand(step.run ?? '', context));
  await writeFile(output, '');
  const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value, context)]));
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd,
    encoding: 'utf8',
    env: { PATH: `${runner.bin}:${process.env.PATH ?? ''}`, HOME: runner.dir, LC_ALL: 'C', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: runner.summary, ...env },
  });
  if (run.status !== 0) throw new StepFailure(step.name ?? step.id ?? '?', run.status, `${run.stdout}${run.stderr}`);
  const lines = (await readFile(output, 'utf8')).split('\n').filter((line) => line.includes('='));
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

class StepFailure extends Error {
  constructor(
    readonly step: string,
    readonly status: number | null,
    readonly output: string,
  ) {
    super(`step "${step}" exited ${status}: ${output}`);
  }
}

async function standInAction(uses: string, inputs: Record<string, string>, cwd: string, runner: Runner): Promise<void> {
  if (uses === 'actions/checkout@v4') {
    expect([inputs['fetch-depth'], inputs['persist-credentials']]).toEqual(['0', 'false']);
    const source = runner.repos[inputs.repository ?? ''];
    if (source === undefined) throw new Error(`checkout stand-in: no local repository for ${inputs.repository}`);
    git(cwd, ['clone', '-q', '--no-local', source, inputs.path ?? '.']);
  } else if (uses === 'actions/setup-node@v4') {
    expect(inputs['node-version']).toBe('20');
  } else if (uses === 'actions/upload-artifact@v4') {
    const patterns = (inputs.path ?? '').split('\n').filter((line) => line.trim() !== '');
    const files = (await readdir(cwd)).filter((name) => patterns.some((pattern) => picomatch(pattern.trim())(name)));
    if (files.length === 0 && inputs['if-no-files-found'] === 'error') throw new StepFailure(`upload ${inputs.name}`, 1, 'no files');
    const target = join(runner.artifacts, inputs.name ?? '');
    await mkdir(target, { recursive: true });
    for (const file of files) await copyFile(join(cwd, file), join(target, file));
  } else if (uses === 'actions/download-artifact@v4') {
    expect(inputs['merge-multiple']).toBe('true');
    const target = join(cwd, inputs.path ?? '.');
    await mkdir(target, { recursive: true });
    const matches = picomatch(inputs.pattern ?? '*');
    for (const name of (await readdir(runner.artifacts)).filter((entry) => matches(entry))) {
      for (const file of await readdir(join(runner.artifacts, name))) await copyFile(join(runner.artifacts, name, file), join(target, file));
    }
  } else {
    throw new Error(`no stand-in for ${uses}`);
  }
}

async function runJob(job: Job, context: Record<string, string>, runner: Runner): Promise<Record<string, Record<string, string>>> {
  const cwd = await makeTempDir('secretscan-workspace-');
  const outputs: Record<string, Record<string, string>> = {};
  for (const step of job.steps) {
    const stepContext = { ...context, ...Object.fromEntries(Object.entries(outputs).flatMap(([id, values]) => Object.entries(values).map(([key, value]) => [`steps.${id}.outputs.${key}`, value]))) };
    if (step.if !== undefined) expect(step.if).toBe('${{ always() }}');
    const written = await runStep(step, cwd, stepContext, runner);
    if (step.id !== undefined) outputs[step.id] = written;
  }
  return outputs;
}

/** Three repositories with a shared secret, one kept only in history, and a hostile-looking name. */
async function organization(dir: string): Promise<Record<string, string>> {
  const billing = await createRepo({ commits: [{ files: { 'config.ts': `export const key = "${FAKE.stripe}";\n` } }, { files: { 'config.ts': 'export const key = process.env.KEY;\n' } }] });
  const bot = await createRepo({ commits: [{ files: { 'bot.py': `STRIPE = "${FAKE.stripe}"\nAWS = "${FAKE.awsKeyId}"\n` } }] });
  const clean = await createRepo({ commits: [{ files: { 'README.md': '# nothing here\n' } }] });
  await writeFile(
    join(dir, 'listing.json'),
    JSON.stringify([
      { full_name: 'acme/billing-api', fork: false, archived: false },
      { full_name: 'acme/trading-bot', fork: false, archived: false },
      { full_name: 'acme/docs', fork: false, archived: false },
      { full_name: 'acme/old', fork: false, archived: true },
      { full_name: 'acme/forked', fork: true, archived: false },
    ]),
  );
  return { 'acme/billing-api': billing, 'acme/trading-bot': bot, 'acme/docs': clean };
}

function baseContext(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'secrets.token || github.token': 'token-stand-in',
    'inputs.repositories': '',
    'inputs.organization || github.repository_owner': 'acme',
    'inputs.include-forks': 'false',
    'inputs.include-archived': 'false',
    'inputs.batch': '0',
    'inputs.batch-size': '256',
    'inputs.retention-days': '14',
    'inputs.secretscan-version': 'latest',
    'inputs.fail-on-findings': 'false',
    'github.server_url': 'https://github.com',
    ...overrides,
  };
}

async function setUp(): Promise<Runner> {
  const dir = await makeTempDir('secretscan-workflow-');
  const repos = await organization(dir);
  const artifacts = join(dir, 'artifacts');
  await mkdir(artifacts);
  const summary = join(dir, 'summary.md');
  await writeFile(summary, '');
  return { dir, bin: await standIns(dir, join(dir, 'listing.json')), artifacts, repos, summary };
}

describe('.github/workflows/org-audit.yml', () => {
  it('is a reusable workflow: list, a matrix scan per repository (max-parallel, no fail-fast), then a merge that always runs', async () => {
    const workflow = await loadWorkflow();
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
    expect(Object.keys(workflow.on.workflow_call.inputs)).toEqual(expect.arrayContaining(['repositories', 'organization', 'batch', 'batch-size', 'max-parallel', 'retention-days']));
    expect(Object.keys(workflow.on.workflow_call.secrets)).toEqual(['token']);
    expect(workflow.defaults.run.shell).toBe('bash');
    const { list, scan, merge } = workflow.jobs as Record<string, Job>;
    expect(scan?.strategy).toEqual({ 'fail-fast': false, 'max-parallel': '${{ inputs.max-parallel }}', matrix: { repository: '${{ fromJSON(needs.list.outputs.repositories) }}' } });
    expect(list?.outputs?.repositories).toBe('${{ steps.list.outputs.repositories }}');
    expect(merge?.needs).toEqual(['list', 'scan']);
    expect(merge?.if).toBe("${{ always() && needs.list.result == 'success' }}");
    expect(scan?.steps.find((step) => step.id === 'scan')?.run).toContain('secretscan scan --history --format json');
  });

  it('runs end to end on local repositories: lists the organization, scans each, merges into HTML, JSON and a job summary', async () => {
    const workflow = await loadWorkflow();
    const runner = await setUp();
    const listed = await runJob(workflow.jobs.list as Job, baseContext(), runner);
    const repositories = JSON.parse(listed.list?.repositories ?? '[]') as string[];
    expect(repositories).toEqual(['acme/billing-api', 'acme/docs', 'acme/trading-bot']);
    expect(await readFile(join(runner.dir, 'gh-calls'), 'utf8')).toContain('api --paginate orgs/acme/repos');
    for (const [index, repository] of repositories.entries()) {
      await runJob(workflow.jobs.scan as Job, baseContext({ 'matrix.repository': repository, 'strategy.job-index': String(index) }), runner);
    }
    expect((await readdir(runner.artifacts)).sort()).toEqual(['secretscan-report-0-0', 'secretscan-report-0-1', 'secretscan-report-0-2']);
    const merged = await runJob(workflow.jobs.merge as Job, baseContext(), runner);
    expect(merged.merge?.['secret-count']).toBe('2');
    const audit = join(runner.artifacts, 'secretscan-audit-0');
    const json = JSON.parse(await readFile(join(audit, 'audit.json'), 'utf8')) as { repositories: { name: string }[]; findings: { ruleId: string; repositories: { repository: string }[] }[] };
    expect(json.repositories.map((r) => r.name)).toEqual(['github.com/acme/billing-api', 'github.com/acme/docs', 'github.com/acme/trading-bot']);
    const stripe = json.findings.find((f) => f.ruleId === 'stripe.secret-key');
    expect(stripe?.repositories.map((r) => r.repository)).toEqual(['github.com/acme/billing-api', 'github.com/acme/trading-bot']);
    const html = await readFile(join(audit, 'audit.html'), 'utf8');
    expect(html).toContain('<svg class="timeline"');
    const summary = await readFile(runner.summary, 'utf8');
    expect(summary).toContain('2 secrets in 3 repositories');
    for (const text of [html, summary, JSON.stringify(json)]) for (const secret of [FAKE.stripe, FAKE.awsKeyId]) expect(text).not.toContain(secret);
  }, 180_000);

  it('takes a given list and batches it; refuses bad names, an empty batch and a batch larger than 256', async () => {
    const workflow = await loadWorkflow();
    const runner = await setUp();
    const list = workflow.jobs.list as Job;
    const given = 'acme/c, acme/a\nacme/b acme/a';
    const first = await runJob(list, baseContext({ 'inputs.repositories': given, 'inputs.batch-size': '2' }), runner);
    expect(JSON.parse(first.list?.repositories ?? '')).toEqual(['acme/a', 'acme/b']);
    const second = await runJob(list, baseContext({ 'inputs.repositories': given, 'inputs.batch-size': '2', 'inputs.batch': '1' }), runner);
    expect(JSON.parse(second.list?.repositories ?? '')).toEqual(['acme/c']);
    await expect(runJob(list, baseContext({ 'inputs.repositories': given, 'inputs.batch-size': '2', 'inputs.batch': '2' }), runner)).rejects.toThrow(/no repositories to audit in batch 2/);
    await expect(runJob(list, baseContext({ 'inputs.batch-size': '257' }), runner)).rejects.toThrow(/batch-size must be 1 to 256/);
    await expect(runJob(list, baseContext({ 'inputs.repositories': 'acme/ok $(touch pwned)' }), runner)).rejects.toThrow(/not an owner\/name repository/);
    const forks = await runJob(list, baseContext({ 'inputs.include-forks': 'true', 'inputs.include-archived': 'true' }), runner);
    expect(JSON.parse(forks.list?.repositories ?? '')).toHaveLength(5);
  }, 120_000);

  it('merge fails with fail-on-findings when secrets were found, and when no scan left a report', async () => {
    const workflow = await loadWorkflow();
    const runner = await setUp();
    await runJob(workflow.jobs.scan as Job, baseContext({ 'matrix.repository': 'acme/trading-bot', 'strategy.job-index': '0' }), runner);
    await expect(runJob(workflow.jobs.merge as Job, baseContext({ 'inputs.fail-on-findings': 'true' }), runner)).rejects.toThrow(/2 secrets found/);
    const empty = await setUp();
    await expect(runJob(workflow.jobs.merge as Job, baseContext(), empty)).rejects.toThrow(/no reports to merge/);
    expect(basename(WORKFLOW.pathname)).toBe('org-audit.yml');
  }, 120_000);
});
