import { isAbsolute, join, relative } from 'node:path';
import { ScanError } from '../errors.js';
import { hooksDirectory } from './git-queries.js';
import { hasHookMarker, NATIVE_HOOK } from './hook-script.js';
import { pathExists, readTextIfExists } from './read-existing.js';
import { displayPath, type InitStep } from './steps.js';

const LOCAL_HOOK = 'pre-commit.local';

function nextStepsFor(root: string, directory: string): string[] {
  const nextSteps = ['make sure `secretscan` is on PATH for everyone who commits here (`npm install -g secretscan`); without it the hook blocks commits'];
  const inside = relative(root, directory);
  const isCommittable = inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) && !inside.split(/[\\/]/).includes('.git');
  if (!isCommittable) nextSteps.push('git hooks are not cloned: run `secretscan init` in every clone (or commit a hooks folder and set core.hooksPath)');
  return nextSteps;
}

/**
 * A native git hook, for repositories without a package.json: `pre-commit` in the directory git
 * runs hooks from (core.hooksPath honoured). An existing hook is never overwritten: it becomes
 * `pre-commit.local`, which our hook runs first. When that name is taken too, init refuses.
 */
export async function planNativeHook(root: string): Promise<{ steps: InitStep[]; nextSteps: string[] }> {
  const directory = await hooksDirectory(root);
  const hook = join(directory, 'pre-commit');
  const local = join(directory, LOCAL_HOOK);
  const target = displayPath(root, hook);
  const write = { kind: 'write', path: hook, text: NATIVE_HOOK, isExecutable: true } as const;
  const created: InitStep = { action: 'create', target, detail: 'runs `secretscan scan --staged` before each commit', changes: [write] };
  if (!(await pathExists(hook))) return { steps: [created], nextSteps: nextStepsFor(root, directory) };
  if (hasHookMarker((await readTextIfExists(hook)) ?? '')) return { steps: [{ action: 'unchanged', target, detail: 'already runs secretscan', changes: [] }], nextSteps: [] };
  if (await pathExists(local)) {
    throw new ScanError('E_USAGE', `${target} is an existing hook, and ${displayPath(root, local)} exists too: secretscan init will not overwrite either`, {
      hint: `merge ${LOCAL_HOOK} into your hook (or remove it) and run \`secretscan init\` again, or add \`secretscan scan --staged\` to your hook yourself`,
    });
  }
  const moved: InitStep = { action: 'rename', target: `${target} to ${LOCAL_HOOK}`, detail: 'your hook is kept and runs first', changes: [{ kind: 'rename', from: hook, to: local }] };
  return { steps: [moved, { ...created, detail: `runs ${LOCAL_HOOK}, then \`secretscan scan --staged\`, before each commit` }], nextSteps: nextStepsFor(root, directory) };
}
