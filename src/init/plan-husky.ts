import { join } from 'node:path';
import { ScanError } from '../errors.js';
import type { HooksPathSetting } from './git-queries.js';
import { hasHookMarker, hookBlock, HOOK_PURPOSE, prependHookBlock, type HookName } from './hook-script.js';
import { updatePackageJson } from './package-json.js';
import { pathExists, readTargetFile } from './read-existing.js';
import type { InitStep } from './steps.js';

/** Lockfile -> the install command of its package manager; npm when there is none. */
const INSTALL_COMMANDS: readonly [string, string][] = [
  ['pnpm-lock.yaml', 'pnpm install'],
  ['yarn.lock', 'yarn install'],
  ['bun.lock', 'bun install'],
  ['bun.lockb', 'bun install'],
];

/** What the husky set-up needs to know about the repository and the package. */
export interface HuskyTarget {
  root: string;
  /** The folder holding package.json, relative to the top level with `/` (`''` for the top level). */
  packageDir: string;
  packageJsonText: string;
  /** undefined: add no secretscan devDependency (see installSpecOf). */
  secretscanSpec: string | undefined;
  hooksPath: HooksPathSetting | undefined;
}

function prefixed(target: HuskyTarget, path: string): string {
  return target.packageDir === '' ? path : `${target.packageDir}/${path}`;
}

async function installCommand(packageDir: string): Promise<string> {
  for (const [lockfile, command] of INSTALL_COMMANDS) if (await pathExists(join(packageDir, lockfile))) return command;
  return 'npm install';
}

function packageJsonStep(target: HuskyTarget): { step: InitStep; hasSecretscan: boolean } {
  const shown = prefixed(target, 'package.json');
  const path = join(target.root, shown);
  const update = updatePackageJson(target.packageJsonText, { secretscanSpec: target.secretscanSpec, packageDir: target.packageDir });
  const { hasSecretscan } = update;
  if (update.changes.length === 0) return { step: { action: 'unchanged', target: shown, detail: `already depends on husky${hasSecretscan ? ' and secretscan' : ''}, and prepare runs husky`, changes: [] }, hasSecretscan };
  return { step: { action: 'update', target: shown, detail: update.changes.join('; '), changes: [{ kind: 'write', path, text: update.text, isExecutable: false }] }, hasSecretscan };
}

async function huskyHookStep(target: HuskyTarget, name: HookName): Promise<InitStep> {
  const shown = prefixed(target, `.husky/${name}`);
  const path = join(target.root, shown);
  const block = hookBlock(name, target.packageDir);
  const existing = await readTargetFile(target.root, path, shown);
  if (existing === undefined) {
    return { action: 'create', target: shown, detail: HOOK_PURPOSE[name], changes: [{ kind: 'write', path, text: block, isExecutable: true }] };
  }
  if (hasHookMarker(existing, name)) return { action: 'unchanged', target: shown, detail: 'already runs secretscan', changes: [] };
  return {
    action: 'update',
    target: shown,
    detail: 'put the secretscan check first; your commands run after it',
    changes: [{ kind: 'write', path, text: prependHookBlock(existing, block), isExecutable: false }],
  };
}

/**
 * A hooks path set for this repository (local config) that is not husky's: husky's install would
 * replace it and the hooks there would stop running. One set globally is overridden per repository
 * by husky, which is what git then uses here; that is said in the output.
 */
function checkHooksPath(target: HuskyTarget): { isActive: boolean; notes: string[] } {
  const setting = target.hooksPath;
  if (setting === undefined) return { isActive: false, notes: [] };
  const huskyDir = join(target.root, prefixed(target, '.husky'));
  if (setting.directory === join(huskyDir, '_') || setting.directory === huskyDir) return { isActive: setting.directory.endsWith('_'), notes: [] };
  if (setting.scope === 'local' || setting.scope === 'worktree') {
    throw new ScanError('E_USAGE', `core.hooksPath is set to ${setting.value} for this repository (${setting.origin}): husky would replace it on the next install, and the hooks there would stop running; nothing was written`, {
      hint: `add \`secretscan scan --staged\` to ${setting.value}/pre-commit yourself, or remove the setting (\`git config --unset core.hooksPath\`) and run \`secretscan init\` again`,
    });
  }
  return {
    isActive: false,
    notes: [`core.hooksPath is set to ${setting.value} in your ${setting.scope} git config (${setting.origin}); husky sets this repository's own hooks path on install, so the hooks in ${setting.value} no longer run here`],
  };
}

/**
 * The husky set-up for the package.json in `packageDir`: dependencies and the prepare script, then
 * `.husky/pre-commit` and `.husky/commit-msg` next to it. Nothing is installed: the user runs the install command, whose
 * prepare step makes husky point git at `.husky/_`.
 */
export async function planHusky(target: HuskyTarget): Promise<{ steps: InitStep[]; nextSteps: string[] }> {
  const { isActive, notes } = checkHooksPath(target);
  const packageJson = packageJsonStep(target);
  const steps = [packageJson.step, await huskyHookStep(target, 'pre-commit'), await huskyHookStep(target, 'commit-msg')];
  const isPackageChanged = packageJson.step.action !== 'unchanged';
  const nextSteps = [...notes];
  const where = target.packageDir === '' ? '' : ` in ${target.packageDir}/`;
  if (!isActive || isPackageChanged) nextSteps.push(`run \`${await installCommand(join(target.root, target.packageDir))}\`${where}: it installs husky and secretscan, and husky activates the hook`);
  if (!packageJson.hasSecretscan) {
    nextSteps.push('add secretscan to devDependencies so every clone has it (see the README, "Add secretscan to your project"); until then the hook uses a `secretscan` on PATH');
  }
  return { steps, nextSteps };
}
