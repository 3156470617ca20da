import { hasCommit, isShallow, runGit, shallowCommits } from './git.js';

/** Reports progress to the step's log; a line may hold remote-controlled text (git's stderr). */
export interface FetchLog {
  info: (line: string) => void;
  untrusted: (text: string) => void;
}

/** How many more commits each deepening round asks for. */
const DEEPEN_STEPS = [50, 100, 200, 400];

/** `git fetch --no-tags` from origin; false (with git's message in the log) when it fails. */
export async function fetchFromOrigin(cwd: string, args: readonly string[], log: FetchLog): Promise<boolean> {
  log.info(`secretscan: git fetch --no-tags ${args.join(' ')}`);
  const run = await runGit(cwd, ['fetch', '--no-tags', '--quiet', ...args]);
  if (run.code !== 0) log.untrusted(run.stderr);
  return run.code === 0;
}

/**
 * Whether `base..head` can be scanned exactly: both commits are here, and no commit in the range
 * is a shallow boundary. (A boundary commit looks like a root, so its diff would report every
 * line of every file as added, and commits of the base branch below it would join the range.)
 */
export async function isRangeComplete(cwd: string, base: string, head: string): Promise<boolean> {
  if (!(await hasCommit(cwd, base)) || !(await hasCommit(cwd, head))) return false;
  const shallow = await shallowCommits(cwd);
  if (shallow.size === 0) return true;
  const listed = await runGit(cwd, ['rev-list', `${base}..${head}`]);
  return listed.code === 0 && !listed.stdout.split('\n').some((sha) => shallow.has(sha));
}

/**
 * Makes `base..head` complete in a shallow clone (actions/checkout fetches one commit by
 * default): deepens the clone a few times (50, 100, 200, 400 more commits), then fetches
 * whichever commit is still missing by its sha. Returns whether the range is complete.
 */
export async function completeRange(cwd: string, base: string, head: string, log: FetchLog): Promise<boolean> {
  if (await isRangeComplete(cwd, base, head)) return true;
  for (const depth of DEEPEN_STEPS) {
    if (!(await isShallow(cwd))) break;
    if (!(await fetchFromOrigin(cwd, [`--deepen=${depth}`, 'origin'], log))) break;
    if (await isRangeComplete(cwd, base, head)) return true;
  }
  for (const sha of [base, head]) {
    if (!(await hasCommit(cwd, sha))) await fetchFromOrigin(cwd, ['origin', sha], log);
  }
  return isRangeComplete(cwd, base, head);
}
