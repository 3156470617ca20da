import { isAbsolute, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/index.js';
import { BASELINE_FILE_NAME, IGNORE_FILE_NAME } from '../suppress/index.js';
import { runGit } from './git.js';

/** Events whose head is a proposal: its scan is set up by the base commit, never by the proposal itself. */
export const PROPOSAL_EVENTS: ReadonlySet<string> = new Set(['pull_request', 'pull_request_target', 'merge_group']);

/** The settings files a scan reads, repository-relative with `/`: the config, the baseline and the ignore file. */
export function settingsPaths(workspace: string, inputs: { config?: string; baseline?: string }): string[] {
  const inside = (path: string): string | undefined => {
    const rel = relative(workspace, resolve(workspace, path));
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : rel.split(sep).join('/');
  };
  const config = inputs.config === undefined ? CONFIG_FILE_NAMES : [inside(inputs.config)];
  const baseline = inputs.baseline === undefined ? [BASELINE_FILE_NAME] : [inside(inputs.baseline)];
  return [...config, ...baseline, IGNORE_FILE_NAME].filter((path): path is string => path !== undefined);
}

/** One settings file the proposal changes, and how (git's status letter: A, M, D, T, …). */
export interface SettingsChange {
  path: string;
  status: string;
}

/**
 * The settings files that differ between `base` and `head` (git diff --name-status, no renames).
 * The scan used the base's versions; a reader must review these, since they take effect on merge.
 */
export async function changedSettings(workspace: string, base: string, head: string, paths: readonly string[]): Promise<SettingsChange[]> {
  if (paths.length === 0) return [];
  const run = await runGit(workspace, ['diff', '--no-renames', '--name-status', '-z', base, head, '--', ...paths.map((path) => `:(literal)${path}`)]);
  if (run.code !== 0) return [];
  const fields = run.stdout.split('\0').filter((field) => field !== '');
  const changes: SettingsChange[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) changes.push({ status: (fields[i] as string).slice(0, 1), path: fields[i + 1] as string });
  return changes;
}

const VERBS: Readonly<Record<string, string>> = { A: 'adds', D: 'deletes', M: 'changes', T: 'changes the type of' };

/** The sentence for a change, for the annotation and the summary. */
export function describeChange(change: SettingsChange, base: string): string {
  return `This pull request ${VERBS[change.status] ?? 'changes'} ${change.path}, which sets up the scan. The scan used the version in the base commit ${base.slice(0, 12)}, not this one: review the change, as it takes effect once merged (it could turn rules off or allowlist real secrets).`;
}
