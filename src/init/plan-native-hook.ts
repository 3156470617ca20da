import { dirname, isAbsolute, join, relative } from 'node:path';
import { ScanError } from '../errors.js';
import type { HooksPathSetting } from './git-queries.js';
import { hasHookMarker, nativePreCommitHook } from './hook-script.js';
import { checkTargetPath, readTargetFile } from './read-existing.js';
import { displayPath, type InitStep } from './steps.js';

const LOCAL_HOOK = 'pre-commit.local';

/** Where the native hook goes: the folder and the base below which no link is allowed. */
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
    throw new ScanError('E_USAGE', `core.hooksPath is set to ${setting.value} in your ${setting.scope} git config (${setting.origin}): git runs hooks from there for every repository, so secretscan init will not write one there; nothing was written`, {
      hint: `add \`secretscan scan --staged\` to ${setting.value}/pre-commit yourself, or give this repository its own hooks folder (\`git config core.hooksPath .githooks\`) and run \`secretscan init\` again`,
    });
  }
  const directory = setting.directory;
  if (isInside(target.root, directory)) return { directory, base: target.root };
  if (isInside(target.commonDir, directory)) return { directory, base: target.commonDir };
  return { directory, base: dirname(directory) };
}

function nextStepsFor(root: string, directory: string): string[] {
  const nextSteps = ['make sure `secretscan` is on PATH for everyone who commits here (`npm install -g secretscan`, see the README); without it the hook blocks commits'];
  const inside = relative(root, directory);
  const isCommittable = inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) && !inside.split(/[\\/]/).includes('.git');
  if (!isCommittable) nextSteps.push('git hooks are not cloned: run `secretscan init` in every clone (or commit a hooks folder and set core.hooksPath)');
  return nextSteps;
}

/**
 * A native git hook, for repositories without a package.json: `pre-commit` in the folder git runs
 * hooks from (a local core.hooksPath honoured; a global one refused). An existing hook is never
 * overwritten: it becomes `pre-commit.local`, which our hook runs after the scan. When that name
 * is taken too, init refuses. Links on the way are refused (exit 2) before anything is written.
 */
export async function planNativeHook(target: NativeHookTarget): Promise<{ steps: InitStep[]; nextSteps: string[] }> {
  const { root } = target;
  const { directory, base } = hooksFolder(target);
  const hook = join(directory, 'pre-commit');
  const local = join(directory, LOCAL_HOOK);
  const shown = displayPath(root, hook);
  const write = { kind: 'write', path: hook, text: nativePreCommitHook(), isExecutable: true } as const;
  const created: InitStep = { action: 'create', target: shown, detail: 'runs `secretscan scan --staged` before each commit', changes: [write] };
  const existing = await readTargetFile(base, hook, shown);
  if (existing === undefined) return { steps: [created], nextSteps: nextStepsFor(root, directory) };
  if (hasHookMarker(existing)) return { steps: [{ action: 'unchanged', target: shown, detail: 'already runs secretscan', changes: [] }], nextSteps: [] };
  if (await checkTargetPath(base, local, displayPath(root, local))) {
    throw new ScanError('E_USAGE', `${shown} is an existing hook, and ${displayPath(root, local)} exists too: secretscan init will not overwrite either`, {
      hint: `merge ${LOCAL_HOOK} into your hook (or remove it) and run \`secretscan init\` again, or add \`secretscan scan --staged\` to your hook yourself`,
    });
  }
  const moved: InitStep = { action: 'rename', target: `${shown} to ${LOCAL_HOOK}`, detail: 'your hook is kept and runs after the check', changes: [{ kind: 'rename', from: hook, to: local }] };
  return { steps: [moved, { ...created, detail: `runs \`secretscan scan --staged\`, then ${LOCAL_HOOK}, before each commit` }], nextSteps: nextStepsFor(root, directory) };
}
