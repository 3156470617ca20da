import { dirname, isAbsolute, join, relative } from 'node:path';
import { ScanError } from '../errors.js';
import type { HooksPathSetting } from './git-queries.js';
import { hasHookMarker, HOOK_PURPOSE, nativeHook, type HookName } from './hook-script.js';
import { checkTargetPath, readTargetFile } from './read-existing.js';
import { displayPath, type InitStep } from './steps.js';

/** Where the native hooks go: the folder and the base below which no link is allowed. */
export interface NativeHookTarget {
  root: string;
  /** The common git dir (absolute): `hooks/` below it unless core.hooksPath says otherwise. */
  commonDir: string;
  hooksPath: HooksPathSetting | undefined;
}

function isInside(parent: string, path: string): boolean {
  const inside = relative(parent, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/** The hooks folder git uses here and the base for the link check; refuses a global hooks path. */
function hooksFolder(target: NativeHookTarget): { directory: string; base: string } {
  const setting = target.hooksPath;
  if (setting === undefined) return { directory: join(target.commonDir, 'hooks'), base: target.commonDir };
  if (setting.scope !== 'local' && setting.scope !== 'worktree') {
    throw new ScanError(
      'E_USAGE',
      `core.hooksPath is set to ${setting.value} in your ${setting.scope} git config (${setting.origin}): git runs hooks from there for every repository, so secretscan init will not write one there; nothing was written`,
      {
        hint: `add \`secretscan scan --staged\` to ${setting.value}/pre-commit yourself, or give this repository its own hooks folder (\`git config core.hooksPath .githooks\`) and run \`secretscan init\` again`,
      },
    );
  }
  const directory = setting.directory;
  if (isInside(target.root, directory)) return { directory, base: target.root };
  if (isInside(target.commonDir, directory)) return { directory, base: target.commonDir };
  return { directory, base: dirname(directory) };
}

function nextStepsFor(root: string, directory: string): string[] {
  const nextSteps = ['make sure `secretscan` is on PATH for everyone who commits here (`npm install -g secretscan`, see the README); without it the hooks block commits'];
  const inside = relative(root, directory);
  const isCommittable = inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) && !inside.split(/[\\/]/).includes('.git');
  if (!isCommittable) nextSteps.push('git hooks are not cloned: run `secretscan init` in every clone (or commit a hooks folder and set core.hooksPath)');
  return nextSteps;
}

/**
 * The steps for one native hook: create it, leave it (it has our check), or move an existing
 * hook to `<name>.local` (which ours runs after the check) and create ours. Refuses when the
 * `.local` name is taken too, or when a link is on the way.
 */
async function hookSteps(root: string, folder: { directory: string; base: string }, name: HookName): Promise<InitStep[]> {
  const hook = join(folder.directory, name);
  const localName = `${name}.local`;
  const local = join(folder.directory, localName);
  const shown = displayPath(root, hook);
  const created: InitStep = { action: 'create', target: shown, detail: HOOK_PURPOSE[name], changes: [{ kind: 'write', path: hook, text: nativeHook(name), isExecutable: true }] };
  const existing = await readTargetFile(folder.base, hook, shown);
  if (existing === undefined) return [created];
  if (hasHookMarker(existing, name)) return [{ action: 'unchanged', target: shown, detail: 'already runs secretscan', changes: [] }];
  if (await checkTargetPath(folder.base, local, displayPath(root, local))) {
    throw new ScanError('E_USAGE', `${shown} is an existing hook, and ${displayPath(root, local)} exists too: secretscan init will not overwrite either; nothing was written`, {
      hint: `merge ${localName} into your hook (or remove it) and run \`secretscan init\` again, or add the secretscan check to your hook yourself`,
    });
  }
  const moved: InitStep = { action: 'rename', target: `${shown} to ${localName}`, detail: 'your hook is kept and runs after the check', changes: [{ kind: 'rename', from: hook, to: local }] };
  return [moved, { ...created, detail: `${HOOK_PURPOSE[name]}, then ${localName}` }];
}

/**
 * Native git hooks, for repositories without a package.json: `pre-commit` and `commit-msg` in the
 * folder git runs hooks from (a local core.hooksPath honoured; a global one refused). An existing
 * hook is never overwritten: it becomes `<name>.local`, which our hook runs after the check.
 */
export async function planNativeHook(target: NativeHookTarget): Promise<{ steps: InitStep[]; nextSteps: string[] }> {
  const folder = hooksFolder(target);
  const steps = [...(await hookSteps(target.root, folder, 'pre-commit')), ...(await hookSteps(target.root, folder, 'commit-msg'))];
  const isSettled = steps.every((step) => step.action === 'unchanged');
  return { steps, nextSteps: isSettled ? [] : nextStepsFor(target.root, folder.directory) };
}
