import { relative, isAbsolute } from 'node:path';

/** One change to the file system. Paths are absolute. */
export type FileChange =
  | {
      kind: 'write';
      path: string;
      text: string;
      /** Set the mode to 0755 (hooks). Otherwise a new file gets the default mode and an existing one keeps its own. */
      isExecutable: boolean;
    }
  | { kind: 'rename'; from: string; to: string };

/** What init does (or found already done) to one file. */
export interface InitStep {
  action: 'create' | 'update' | 'rename' | 'unchanged';
  /** The file, relative to the repository root when inside it. */
  target: string;
  /** What and why, e.g. "runs `secretscan scan --staged` before each commit". */
  detail: string;
  /** Empty for `unchanged`. Applied in order. */
  changes: FileChange[];
}

/** Everything `secretscan init` would do in one repository. */
export interface InitPlan {
  /** The work tree's top level. */
  root: string;
  steps: InitStep[];
  /** Things only the user can do afterwards, e.g. run `npm install`. */
  nextSteps: string[];
}

const DONE: Record<InitStep['action'], [string, string]> = {
  create: ['created', 'would create'],
  update: ['updated', 'would update'],
  rename: ['renamed', 'would rename'],
  unchanged: ['unchanged', 'unchanged'],
};

/** One output line for a step, in the past tense or, for a dry run, the conditional. */
export function describeStep(step: InitStep, isDryRun: boolean): string {
  const [done, planned] = DONE[step.action];
  return `${isDryRun ? planned : done} ${step.target}: ${step.detail}`;
}

/** `path` as shown to the user: relative to `root` when inside it, else absolute. */
export function displayPath(root: string, path: string): string {
  const shown = relative(root, path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown.split('\\').join('/');
}

/** True when a plan changes nothing. */
export function isPlanSettled(plan: InitPlan): boolean {
  return plan.steps.every((step) => step.changes.length === 0);
}
