import { describe, expect, it } from 'vitest';
import { eventOf } from '../../src/action/event.js';
import { parseScanArgs, splitWords } from '../../src/action/scan-args.js';
import { parseInputs, type ActionInputs } from '../../src/action/inputs.js';
import { planScan } from '../../src/action/plan.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const ZERO = '0'.repeat(40);

function inputs(values: Record<string, string> = {}): ActionInputs {
  return parseInputs((name) => values[name] ?? '');
}

describe('eventOf', () => {
  it('reads pull request, merge queue and push payloads', () => {
    expect(eventOf('pull_request', { pull_request: { base: { sha: A }, head: { sha: B } }, repository: { default_branch: 'trunk' } })).toMatchObject({ baseSha: A, headSha: B, defaultBranch: 'trunk' });
    expect(eventOf('merge_group', { merge_group: { base_sha: A, head_sha: B } })).toMatchObject({ baseSha: A, headSha: B });
    expect(eventOf('push', { before: A, after: B, ref: 'refs/heads/x', forced: true })).toMatchObject({ before: A, after: B, ref: 'refs/heads/x', isForced: true });
  });

  it('ignores fields of the wrong type', () => {
    expect(eventOf('push', { before: 7, after: null, repository: 'x' })).toMatchObject({ name: 'push', before: undefined, after: undefined, defaultBranch: undefined });
    expect(eventOf('schedule', 'not an object')).toMatchObject({ name: 'schedule', isPrivate: false });
    expect(eventOf('push', { repository: { private: true } }).isPrivate).toBe(true);
    expect(eventOf('push', { repository: { private: false, visibility: 'internal' } }).isPrivate).toBe(true);
    expect(eventOf('push', { repository: { private: 'yes', visibility: 'public' } }).isPrivate).toBe(false);
  });
});

describe('planScan', () => {
  it('scans base..head on pull requests, pull_request_target and merge queues', () => {
    for (const name of ['pull_request', 'pull_request_target']) {
      expect(planScan(eventOf(name, { pull_request: { base: { sha: A }, head: { sha: B } } }), inputs())).toEqual({ kind: 'range', base: A, head: B, isForced: false });
    }
    expect(planScan(eventOf('merge_group', { merge_group: { base_sha: A, head_sha: B } }), inputs())).toMatchObject({ kind: 'range', base: A, head: B });
  });

  it('scans before..after on a push, a new branch when before is zero, nothing when after is zero', () => {
    const push = (before: string, after: string) => planScan(eventOf('push', { before, after, ref: 'refs/heads/f', forced: false, repository: { default_branch: 'main' } }), inputs());
    expect(push(A, B)).toEqual({ kind: 'range', base: A, head: B, isForced: false, defaultBranch: 'main', ref: 'refs/heads/f' });
    expect(push(ZERO, B)).toEqual({ kind: 'new-branch', head: B, defaultBranch: 'main', ref: 'refs/heads/f' });
    expect(push(A, ZERO)).toMatchObject({ kind: 'nothing' });
  });

  it('audits the history on schedule, workflow_dispatch and unknown events', () => {
    for (const name of ['schedule', 'workflow_dispatch', 'release', '']) expect(planScan(eventOf(name, {}), inputs())).toMatchObject({ kind: 'history' });
  });

  it('lets paths and scan override the event', () => {
    const pull = eventOf('pull_request', { pull_request: { base: { sha: A }, head: { sha: B } } });
    expect(planScan(pull, inputs({ paths: 'src  lib\nbin' }))).toEqual({ kind: 'tree', paths: ['src', 'lib', 'bin'] });
    expect(planScan(pull, inputs({ scan: 'tree' }))).toEqual({ kind: 'tree', paths: [] });
    expect(planScan(pull, inputs({ scan: 'history' }))).toMatchObject({ kind: 'history' });
    expect(() => planScan(eventOf('schedule', {}), inputs({ scan: 'range' }))).toThrow(/scan: range needs a pull_request/);
  });

  it('rejects a payload without shas or with a value that is not a sha', () => {
    expect(() => planScan(eventOf('pull_request', {}), inputs())).toThrow(/has no pull_request\.base\.sha/);
    expect(() => planScan(eventOf('pull_request', { pull_request: { base: { sha: '--upload-pack=x' }, head: { sha: B } } }), inputs())).toThrow(/is not a commit sha/);
    expect(() => planScan(eventOf('push', { before: A, after: 'HEAD' }), inputs())).toThrow(/is not a commit sha/);
  });
});

describe('parseInputs', () => {
  it('applies the defaults and validates fail-on and scan', () => {
    const defaults = { failOn: 'low', sarifFile: 'secretscan.sarif', paths: [], scanArgs: {}, timeoutSeconds: 900 };
    expect(inputs()).toEqual(defaults);
    expect(inputs({ 'fail-on': 'HIGH', config: 'c.yaml', baseline: 'b.json', 'sarif-file': 'x.sarif' })).toEqual({ ...defaults, failOn: 'high', sarifFile: 'x.sarif', config: 'c.yaml', baseline: 'b.json' });
    expect(inputs({ timeout: 'none', 'working-directory': 'app' })).toEqual({ ...defaults, timeoutSeconds: undefined, workingDirectory: 'app' });
    expect(inputs({ timeout: '60', args: "--max-file-size '2 MiB' --no-gitignore-audit --timeout=30" })).toEqual({
      ...defaults,
      timeoutSeconds: 30,
      scanArgs: { maxFileSize: 2 * 1024 * 1024, shouldAuditGitignore: false, timeoutSeconds: 30 },
    });
    expect(() => inputs({ timeout: '-1' })).toThrow(/timeout: "-1" is not a positive number of seconds/);
    expect(() => inputs({ 'fail-on': 'critical' })).toThrow(/fail-on: "critical" is not a severity/);
    expect(() => inputs({ scan: 'staged' })).toThrow(/scan: "staged" is not a scan kind/);
    expect(() => inputs({ paths: 'src', scan: 'history' })).toThrow(/paths is set/);
  });

  it('parses args as words without a shell and accepts only the scan-tuning flags', () => {
    expect(splitWords(`--a 'b c' "d \\"e\\"" f\\ g $HOME ; rm -rf /`)).toEqual(['--a', 'b c', 'd "e"', 'f g', '$HOME', ';', 'rm', '-rf', '/']);
    expect(splitWords("''")).toEqual(['']);
    expect(() => splitWords("'open")).toThrow(/unterminated single quote/);
    expect(parseScanArgs('--threads 2 --no-baseline')).toEqual({ threads: 2, shouldUseDefaultBaseline: false });
    for (const refused of ['--show-secrets', '--output x.json', '--range a..b', 'extra-path', '--format text']) {
      expect(() => parseScanArgs(refused), refused).toThrow(/^args: /);
    }
    expect(() => parseScanArgs('--max-file-size lots')).toThrow(/is not a size/);
  });
});
