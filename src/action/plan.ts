import { UsageError } from '../errors.js';
import type { GitHubEvent } from './event.js';
import type { ActionInputs } from './inputs.js';

/**
 * What the event (or the `paths`/`scan` inputs) asks to scan, before git is consulted. Shas are
 * validated hex, so they can be passed to git as arguments.
 */
export type ScanPlan =
  | { kind: 'tree'; paths: string[] }
  | { kind: 'history'; reason: string }
  /** `base..head`; a forced push falls back to the new-branch plan when `base` is gone. */
  | { kind: 'range'; base: string; head: string; isForced: boolean; defaultBranch?: string; ref?: string }
  /** A push that created a branch: the commits not on the default branch. */
  | { kind: 'new-branch'; head: string; defaultBranch?: string; ref?: string }
  | { kind: 'nothing'; reason: string };

const PULL_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const ZERO = /^0+$/;

function shaOf(value: string | undefined, field: string, eventName: string): string {
  if (value === undefined) throw new UsageError(`the ${eventName} event payload has no ${field}`, 'set the scan input to history or tree to scan something else');
  if (!SHA.test(value)) throw new UsageError(`the ${eventName} event payload's ${field} is not a commit sha: "${value.slice(0, 80)}"`);
  return value;
}

function pushPlan(event: GitHubEvent): ScanPlan {
  const head = shaOf(event.after, 'after', event.name);
  if (ZERO.test(head)) return { kind: 'nothing', reason: 'the push deleted a branch: there is nothing to scan' };
  const branch = { ...(event.defaultBranch === undefined ? {} : { defaultBranch: event.defaultBranch }), ...(event.ref === undefined ? {} : { ref: event.ref }) };
  if (event.before === undefined || ZERO.test(event.before)) return { kind: 'new-branch', head, ...branch };
  return { kind: 'range', base: shaOf(event.before, 'before', event.name), head, isForced: event.isForced === true, ...branch };
}

function eventPlan(event: GitHubEvent): ScanPlan | undefined {
  if (PULL_EVENTS.has(event.name)) {
    const field = event.name === 'merge_group' ? 'merge_group.' : 'pull_request.';
    const base = shaOf(event.baseSha, event.name === 'merge_group' ? `${field}base_sha` : `${field}base.sha`, event.name);
    const head = shaOf(event.headSha, event.name === 'merge_group' ? `${field}head_sha` : `${field}head.sha`, event.name);
    return { kind: 'range', base, head, isForced: false };
  }
  if (event.name === 'push') return pushPlan(event);
  return undefined;
}

/**
 * Chooses the source: `paths` (or `scan: tree`) scan the working tree; `scan: history` audits the
 * history; otherwise pull requests and merge queues scan base..head, pushes before..after, and any
 * other event (schedule, workflow_dispatch, …) the whole history.
 */
export function planScan(event: GitHubEvent, inputs: ActionInputs): ScanPlan {
  if (inputs.paths.length > 0 || inputs.scan === 'tree') return { kind: 'tree', paths: inputs.paths };
  if (inputs.scan === 'history') return { kind: 'history', reason: 'the scan input is history' };
  const planned = eventPlan(event);
  if (planned !== undefined) return planned;
  if (inputs.scan === 'range') {
    throw new UsageError(`scan: range needs a pull_request, pull_request_target, merge_group or push event, but this run's event is "${event.name || '(none)'}"`, 'leave scan unset to audit the history on other events');
  }
  return { kind: 'history', reason: `a ${event.name || 'manual'} event audits the whole history` };
}
