import { join } from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/index.js';
import { GitError } from '../errors.js';
import { findRepository } from '../sources/index.js';
import { defaultBranch } from './git-queries.js';
import { githubWorkflow, WORKFLOW_ALTERNATIVE_PATHS, WORKFLOW_PATH } from './github-workflow.js';
import { planHusky } from './plan-husky.js';
import { planNativeHook } from './plan-native-hook.js';
import { pathExists, readTextIfExists } from './read-existing.js';
import { STARTER_CONFIG } from './starter-config.js';
import type { InitPlan, InitStep } from './steps.js';

/** What `secretscan init` was asked to do. */
export interface InitOptions {
  /** The directory it runs in: anywhere inside the work tree. */
  cwd: string;
  /** secretscan's own version, for the devDependency range (`^` + version). */
  version: string;
  /** Also write the GitHub Actions workflow. */
  withGithub: boolean;
}

async function workTreeRoot(cwd: string): Promise<string> {
  const repository = await findRepository(cwd);
  if (repository === undefined) {
    throw new GitError('E_NOT_A_REPO', `${cwd} is not inside a git repository`, { hint: 'run `secretscan init` inside the work tree of a repository (`git init` makes one)' });
  }
  if (repository.isBare) {
    throw new GitError('E_NOT_A_REPO', `${repository.root} is a bare repository or a .git directory: there is no work tree to commit from`, {
      hint: 'run `secretscan init` in a clone with a work tree',
    });
  }
  return repository.root;
}

async function firstExisting(root: string, names: readonly string[]): Promise<string | undefined> {
  for (const name of names) if (await pathExists(join(root, name))) return name;
  return undefined;
}

async function configStep(root: string): Promise<InitStep> {
  const existing = await firstExisting(root, CONFIG_FILE_NAMES);
  if (existing !== undefined) return { action: 'unchanged', target: existing, detail: 'a configuration already exists', changes: [] };
  const path = join(root, '.secretscan.yaml');
  return { action: 'create', target: '.secretscan.yaml', detail: 'a starter configuration, all commented out', changes: [{ kind: 'write', path, text: STARTER_CONFIG, isExecutable: false }] };
}

async function workflowStep(root: string, version: string): Promise<InitStep> {
  const existing = await firstExisting(root, [WORKFLOW_PATH, ...WORKFLOW_ALTERNATIVE_PATHS]);
  if (existing !== undefined) return { action: 'unchanged', target: existing, detail: 'the workflow already exists', changes: [] };
  const branch = await defaultBranch(root);
  const text = githubWorkflow(branch, version);
  return {
    action: 'create',
    target: WORKFLOW_PATH,
    detail: `scans pull requests, pushes to ${branch} and, weekly, the history; uploads SARIF to code scanning`,
    changes: [{ kind: 'write', path: join(root, WORKFLOW_PATH), text, isExecutable: false }],
  };
}

/**
 * Works out what `secretscan init` does in the repository around `cwd`, reading only. Everything
 * that can refuse (not a work tree, an unreadable package.json, a hook that cannot be moved aside)
 * throws here, so a refusal never leaves a half-done set-up.
 */
export async function planInit(options: InitOptions): Promise<InitPlan> {
  const root = await workTreeRoot(options.cwd);
  const packageJson = await readTextIfExists(join(root, 'package.json'));
  const hook = packageJson === undefined ? await planNativeHook(root) : await planHusky(root, packageJson, options.version);
  const steps = [...hook.steps, await configStep(root)];
  if (options.withGithub) steps.push(await workflowStep(root, options.version));
  return { root, steps, nextSteps: hook.nextSteps };
}
