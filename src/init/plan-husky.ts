import { join } from 'node:path';
import { hooksDirectory } from './git-queries.js';
import { appendHookBlock, hasHookMarker, HOOK_BLOCK } from './hook-script.js';
import { updatePackageJson } from './package-json.js';
import { pathExists, readTextIfExists } from './read-existing.js';
import type { InitStep } from './steps.js';

/** Lockfile -> the install command of its package manager; npm when there is none. */
const INSTALL_COMMANDS: readonly [string, string][] = [
  ['pnpm-lock.yaml', 'pnpm install'],
  ['yarn.lock', 'yarn install'],
  ['bun.lock', 'bun install'],
  ['bun.lockb', 'bun install'],
];

async function installCommand(root: string): Promise<string> {
  for (const [lockfile, command] of INSTALL_COMMANDS) if (await pathExists(join(root, lockfile))) return command;
  return 'npm install';
}

function packageJsonStep(root: string, text: string, version: string): InitStep {
  const path = join(root, 'package.json');
  const update = updatePackageJson(text, version);
  if (update.changes.length === 0) return { action: 'unchanged', target: 'package.json', detail: 'already depends on husky and secretscan, and prepare runs husky', changes: [] };
  return { action: 'update', target: 'package.json', detail: update.changes.join('; '), changes: [{ kind: 'write', path, text: update.text, isExecutable: false }] };
}

async function huskyHookStep(root: string): Promise<InitStep> {
  const target = '.husky/pre-commit';
  const path = join(root, '.husky', 'pre-commit');
  const existing = await readTextIfExists(path);
  if (existing === undefined) {
    return { action: 'create', target, detail: 'runs `secretscan scan --staged` before each commit', changes: [{ kind: 'write', path, text: HOOK_BLOCK, isExecutable: true }] };
  }
  if (hasHookMarker(existing)) return { action: 'unchanged', target, detail: 'already runs secretscan', changes: [] };
  return {
    action: 'update',
    target,
    detail: 'appended the secretscan check; your commands still run first',
    changes: [{ kind: 'write', path, text: appendHookBlock(existing), isExecutable: false }],
  };
}

/**
 * The husky set-up for a repository with a package.json at its root: dependencies and the prepare
 * script, then `.husky/pre-commit`. Nothing is installed: the user runs the install command, whose
 * prepare step makes husky point git at `.husky/_`.
 */
export async function planHusky(root: string, packageJsonText: string, version: string): Promise<{ steps: InitStep[]; nextSteps: string[] }> {
  const steps = [packageJsonStep(root, packageJsonText, version), await huskyHookStep(root)];
  const isActive = (await hooksDirectory(root)) === join(root, '.husky', '_');
  const isPackageChanged = steps[0]?.action !== 'unchanged';
  const nextSteps = isActive && !isPackageChanged ? [] : [`run \`${await installCommand(root)}\`: it installs husky and secretscan, and husky activates the hook`];
  return { steps, nextSteps };
}
