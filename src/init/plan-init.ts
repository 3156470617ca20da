import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/index.js';
import { GitError, ScanError } from '../errors.js';
import { findRepository } from '../sources/index.js';
import { defaultBranch, gitCommonDir, hooksPathSetting } from './git-queries.js';
import { githubWorkflow, WORKFLOW_ALTERNATIVE_PATHS, WORKFLOW_PATH } from './github-workflow.js';
import { installSpecOf } from './install-spec.js';
import { planHusky } from './plan-husky.js';
import { planNativeHook } from './plan-native-hook.js';
import { checkTargetPath, pathExists, readTargetFile, refuseTarget } from './read-existing.js';
import { STARTER_CONFIG } from './starter-config.js';
import { displayPath, type InitPlan, type InitStep } from './steps.js';

/** What `secretscan init` was asked to do. */
export interface InitOptions {
  /** The directory it runs in: anywhere inside the work tree. */
  cwd: string;
  /** secretscan's own version (a `^version` devDependency when it came from the registry; the workflow's Action tag). */
  version: string;
  /** The folder of the running secretscan package: where it was installed from decides the devDependency spec. */
  packageRoot: string;
  /** The user's environment: git reads core.hooksPath from the global config with it. */
  env: NodeJS.ProcessEnv;
  /** Also write the GitHub Actions workflow. */
  withGithub: boolean;
}

/** A folder name a prepare script and a hook can carry without quoting surprises. */
const SAFE_PACKAGE_DIR = /^[A-Za-z0-9._@+-]+(?:\/[A-Za-z0-9._@+-]+)*$/;

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

/**
 * The nearest folder from `cwd` up to the top level that holds a package.json, relative to the top
 * level with `/` separators (`''` for the top level itself), or undefined when there is none.
 */
async function findPackageDir(root: string, cwd: string): Promise<string | undefined> {
  const inside = relative(root, cwd);
  if (inside.startsWith('..') || isAbsolute(inside)) return (await pathExists(join(root, 'package.json'))) ? '' : undefined;
  let parts = inside === '' ? [] : inside.split(sep);
  for (;;) {
    if (await pathExists(join(root, ...parts, 'package.json'))) return parts.join('/');
    if (parts.length === 0) return undefined;
    parts = parts.slice(0, -1);
  }
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

async function planHook(root: string, options: InitOptions): Promise<{ steps: InitStep[]; nextSteps: string[] }> {
  const hooksPath = await hooksPathSetting(root, options.env);
  const packageDir = await findPackageDir(root, options.cwd);
  if (packageDir === undefined) return planNativeHook({ root, commonDir: await gitCommonDir(root), hooksPath });
  if (packageDir !== '' && !SAFE_PACKAGE_DIR.test(packageDir)) {
    throw new ScanError('E_USAGE', `the folder ${JSON.stringify(packageDir)} holds the package.json, and its name has characters a prepare script and a hook cannot carry safely; nothing was written`, {
      hint: 'rename the folder (letters, digits, ".", "_", "-", "@", "+"), or set up the hook yourself (see the README, "Add secretscan to your project")',
    });
  }
  const shown = packageDir === '' ? 'package.json' : `${packageDir}/package.json`;
  const packageJsonText = await readTargetFile(root, join(root, shown), shown);
  if (packageJsonText === undefined) throw refuseTarget(shown, 'disappeared while init read it');
  const secretscanSpec = await installSpecOf(options.packageRoot, options.version, join(root, packageDir));
  return planHusky({ root, packageDir, packageJsonText, secretscanSpec, hooksPath });
}

/** The folder below which a change's path may hold no link: the git dir, the work tree or the file's own folder. */
function baseOf(path: string, root: string, commonDir: string): string {
  for (const base of [commonDir, root]) {
    const inside = relative(base, path);
    if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) return base;
  }
  return dirname(path);
}

/** Refuses (exit 2) when any file the plan writes or renames sits below a link, or is one. */
async function checkPlanTargets(plan: InitPlan, commonDir: string): Promise<void> {
  for (const change of plan.steps.flatMap((step) => step.changes)) {
    const paths = change.kind === 'rename' ? [change.from, change.to] : [change.path];
    for (const path of paths) await checkTargetPath(baseOf(path, plan.root, commonDir), path, displayPath(plan.root, path));
  }
}

/**
 * Works out what `secretscan init` does in the repository around `cwd`, reading only. Everything
 * that can refuse (not a work tree, an unreadable package.json, a hook that cannot be moved aside,
 * a link where a file would be written, a hooks path that is not this repository's) throws here,
 * so a refusal never leaves a half-done set-up.
 */
export async function planInit(options: InitOptions): Promise<InitPlan> {
  const root = await workTreeRoot(options.cwd);
  const hook = await planHook(root, options);
  const steps = [...hook.steps, await configStep(root)];
  if (options.withGithub) steps.push(await workflowStep(root, options.version));
  const plan = { root, steps, nextSteps: hook.nextSteps };
  await checkPlanTargets(plan, await gitCommonDir(root));
  return plan;
}
