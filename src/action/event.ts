import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';

/**
 * The parts of a GitHub event the action reads. Fields are undefined when the payload lacks them
 * (the payload is whatever the runner wrote, so nothing is assumed).
 */
export interface GitHubEvent {
  /** `GITHUB_EVENT_NAME`, e.g. `pull_request`, `push`, `schedule`. */
  name: string;
  /** pull_request / pull_request_target: `pull_request.base.sha` and `.head.sha`; merge_group: `base_sha`, `head_sha`. */
  baseSha?: string | undefined;
  headSha?: string | undefined;
  /** push: `before` and `after` (all zeros for a new or a deleted branch). */
  before?: string | undefined;
  after?: string | undefined;
  /** push: the pushed ref, e.g. `refs/heads/feature`. */
  ref?: string | undefined;
  /** push: whether it was a force push. */
  isForced?: boolean | undefined;
  /** `repository.default_branch`. */
  defaultBranch?: string | undefined;
  /** `repository.private` (or a private or internal `repository.visibility`): code scanning then needs GitHub Code Security. */
  isPrivate?: boolean | undefined;
}

function objectAt(value: unknown, key: string): Record<string, unknown> | undefined {
  const inner = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : undefined;
}

function stringAt(value: Record<string, unknown> | undefined, key: string): string | undefined {
  const inner = value?.[key];
  return typeof inner === 'string' && inner !== '' ? inner : undefined;
}

/** Extracts the fields the action uses from an event payload (already parsed JSON). */
export function eventOf(name: string, payload: unknown): GitHubEvent {
  const root = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const pull = objectAt(root, 'pull_request');
  const queue = objectAt(root, 'merge_group');
  const repository = objectAt(root, 'repository');
  const visibility = stringAt(repository, 'visibility');
  return {
    name,
    baseSha: stringAt(objectAt(pull, 'base'), 'sha') ?? stringAt(queue, 'base_sha'),
    headSha: stringAt(objectAt(pull, 'head'), 'sha') ?? stringAt(queue, 'head_sha'),
    before: stringAt(root, 'before'),
    after: stringAt(root, 'after'),
    ref: stringAt(root, 'ref'),
    isForced: typeof root.forced === 'boolean' ? root.forced : undefined,
    defaultBranch: stringAt(repository, 'default_branch'),
    isPrivate: repository?.private === true || visibility === 'private' || visibility === 'internal',
  };
}

/** Reads `GITHUB_EVENT_NAME` and the payload at `GITHUB_EVENT_PATH` (an empty payload when unset). */
export async function readEvent(env: Readonly<Record<string, string | undefined>>): Promise<GitHubEvent> {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const path = env.GITHUB_EVENT_PATH ?? '';
  if (path === '') return eventOf(name, {});
  let payload: unknown;
  try {
    payload = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the event payload at ${path}: ${error instanceof Error ? error.message : String(error)}`, 'run this action inside a GitHub Actions workflow');
  }
  return eventOf(name, payload);
}
