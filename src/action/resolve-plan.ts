import { GitError } from '../errors.js';
import type { SourceRequest } from '../pipeline/index.js';
import { completeRange, fetchFromOrigin, type FetchLog } from './complete-range.js';
import { commitOf, isShallow, shallowCommits } from './git.js';
import type { ScanPlan } from './plan.js';

/** The scan to run: its source and a description for the log. */
export interface ResolvedScan {
  source: SourceRequest;
  description: string;
  /** Something the reader should know about the scan, shown as a warning. */
  warning?: string;
}

const FETCH_DEPTH_HINT = 'set `fetch-depth: 0` on actions/checkout so the whole history is available';

/** A history audit; in a shallow clone it covers only the commits fetched, which deserves a warning. */
async function historyScan(cwd: string, why: string): Promise<ResolvedScan> {
  const scan: ResolvedScan = { source: { kind: 'history' }, description: `the history (${why})` };
  if (await isShallow(cwd)) scan.warning = `this clone is shallow, so the history audit covers only the commits actions/checkout fetched: ${FETCH_DEPTH_HINT}`;
  return scan;
}

function rangeScan(base: string, head: string, description: string): ResolvedScan {
  return { source: { kind: 'range', range: `${base}..${head}` }, description };
}

function missingRange(base: string, head: string): GitError {
  return new GitError('E_GIT', `cannot scan ${base.slice(0, 12)}..${head.slice(0, 12)}: the commits are not in this clone and could not be fetched from origin`, { hint: FETCH_DEPTH_HINT });
}

/** The default branch's tip as origin has it, fetching the branch when the clone lacks it. */
async function defaultBranchTip(cwd: string, branch: string, log: FetchLog): Promise<string | undefined> {
  if (branch.startsWith('-') || /[\s:^~?*[\\]/.test(branch)) return undefined;
  const tracking = `refs/remotes/origin/${branch}`;
  const known = await commitOf(cwd, tracking);
  if (known !== undefined) return known;
  const depth = (await isShallow(cwd)) ? ['--depth=50'] : [];
  if (!(await fetchFromOrigin(cwd, [...depth, 'origin', `+refs/heads/${branch}:${tracking}`], log))) return undefined;
  return commitOf(cwd, tracking);
}

/** Only the pushed commit's own changes: parent..head, or the history for a root commit. */
async function ownChanges(cwd: string, head: string, log: FetchLog): Promise<ResolvedScan> {
  if ((await shallowCommits(cwd)).has(head)) await fetchFromOrigin(cwd, ['--deepen=1', 'origin'], log);
  if ((await shallowCommits(cwd)).has(head)) throw missingRange(`${head}~1`, head);
  const parent = await commitOf(cwd, `${head}^1`);
  if (parent === undefined) return historyScan(cwd, 'the pushed commit has no parent');
  if (!(await completeRange(cwd, parent, head, log))) throw missingRange(parent, head);
  return rangeScan(parent, head, `the pushed commit ${head.slice(0, 12)} alone (the default branch is unknown or could not be fetched)`);
}

/** A new branch: the commits not on origin's default branch, else the pushed commit alone. */
async function newBranchScan(cwd: string, plan: { head: string; defaultBranch?: string; ref?: string }, log: FetchLog): Promise<ResolvedScan> {
  const { head, defaultBranch } = plan;
  if (defaultBranch === undefined) return ownChanges(cwd, head, log);
  if (plan.ref === `refs/heads/${defaultBranch}`) return historyScan(cwd, 'the default branch was pushed for the first time');
  const base = await defaultBranchTip(cwd, defaultBranch, log);
  if (base !== undefined && (await completeRange(cwd, base, head, log))) {
    return rangeScan(base, head, `the commits of the new branch that are not on origin/${defaultBranch}`);
  }
  return ownChanges(cwd, head, log);
}

/**
 * Turns a plan into the source to scan, fetching what a shallow clone lacks. Undefined when there
 * is nothing to scan (a deleted branch). Throws a GitError naming `fetch-depth: 0` when the
 * range cannot be completed.
 */
export async function resolvePlan(cwd: string, plan: ScanPlan, log: FetchLog): Promise<ResolvedScan | undefined> {
  switch (plan.kind) {
    case 'nothing':
      return undefined;
    case 'tree':
      return plan.paths.length === 0 ? { source: { kind: 'tree', paths: [] }, description: 'the working tree' } : { source: { kind: 'tree', paths: plan.paths }, description: `the working tree: ${plan.paths.join(' ')}` };
    case 'history':
      return historyScan(cwd, plan.reason);
    case 'new-branch':
      return newBranchScan(cwd, plan, log);
    case 'range': {
      if (await completeRange(cwd, plan.base, plan.head, log)) return rangeScan(plan.base, plan.head, `the commits ${plan.base.slice(0, 12)}..${plan.head.slice(0, 12)}`);
      // A force push can leave `before` unreachable on the server: scan like a new branch.
      if (plan.isForced) return newBranchScan(cwd, plan, log);
      throw missingRange(plan.base, plan.head);
    }
  }
}
