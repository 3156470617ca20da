import { isAbsolute, relative, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { ScanError, UsageError } from '../errors.js';
import { useGitEnvironment } from '../sources/index.js';
import { readEvent, type GitHubEvent } from './event.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { planScan } from './plan.js';
import type { ReservedAnnotations } from './github-limits.js';
import { publishResult, type SarifTarget } from './publish.js';
import { reportContextFor, vcsOf } from './report-context.js';
import { remediationPlanFor } from './remediation-plan.js';
import { resolvePlan } from './resolve-plan.js';
import { changedSettings, describeChange, PROPOSAL_EVENTS, settingsPaths } from './settings-changes.js';
import { runScan, type ScanOutcome } from './run-scan.js';
import { annotate, fail, logInfo, logUntrusted, setOutput, warn } from './toolkit.js';
import { failureOf, scanMessagesOf } from './verdict.js';
import { verifyRequestFor } from './verify-request.js';

type Env = Readonly<Record<string, string | undefined>>;

const LOG = { info: logInfo, untrusted: logUntrusted };

/**
 * Said once on a private (or internal) repository: whether the SARIF upload can work there is not
 * something the action can see, and without the product the upload step fails.
 */
const PRIVATE_UPLOAD_NOTICE =
  'This repository is private: uploading the SARIF to code scanning (github/codeql-action/upload-sarif) needs GitHub Code Security (GitHub Advanced Security) enabled for it, ' +
  'and the workflow needs `security-events: write` and `actions: read`. Without it the upload step fails; the annotations and the job summary still list every finding.';

/** The commit the scan looks at, for links: the pull request's head or the pushed commit. */
function revisionOf(event: GitHubEvent): string | undefined {
  const revision = event.headSha ?? event.after;
  return revision === undefined || /^0+$/.test(revision) ? undefined : revision;
}

/** The SARIF path resolved against the workspace, and as the output shows it (relative when inside). */
function sarifTarget(workspace: string, sarifFile: string): SarifTarget {
  const path = resolve(workspace, sarifFile);
  const inside = relative(workspace, path);
  return { path, root: workspace, shown: inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path };
}

async function publish(outcome: ScanOutcome, inputs: ActionInputs, context: { githubWorkspace: string; env: Env; event: GitHubEvent; reserved: ReservedAnnotations }): Promise<void> {
  if (outcome.scan === undefined) return;
  // The summary ends with one remediation plan for the findings it lists, not a plan per rule.
  const ctx = { ...reportContextFor(outcome.scan, vcsOf(context.env, revisionOf(context.event))), remediationPlan: await remediationPlanFor(outcome.scan) };
  await publishResult(outcome.scan.result, ctx, sarifTarget(context.githubWorkspace, inputs.sarifFile), { failOn: inputs.failOn, reserved: context.reserved });
}

/** The repository to scan: the workspace, or `working-directory` inside it. */
async function workingDirectoryOf(githubWorkspace: string, inputs: ActionInputs): Promise<string> {
  if (inputs.workingDirectory === undefined) return githubWorkspace;
  const dir = resolve(githubWorkspace, inputs.workingDirectory);
  const isDirectory = await stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isDirectory) throw new UsageError(`working-directory: ${inputs.workingDirectory} is not a directory in the workspace`, 'name the folder that holds the repository, relative to the workspace');
  return dir;
}

/** The action's steps: inputs, event, git source, one scan, reports, verdict. */
async function runAction(env: Env): Promise<void> {
  const inputs = readInputs();
  const githubWorkspace = env.GITHUB_WORKSPACE || process.cwd();
  const workspace = await workingDirectoryOf(githubWorkspace, inputs);
  const event = await readEvent(env);
  const plan = planScan(event, inputs);
  const scan = await resolvePlan(workspace, plan, LOG);
  if (scan === undefined) {
    logInfo(`secretscan: ${plan.kind === 'nothing' ? plan.reason : 'nothing to scan'}`);
    setOutput('findings', 0);
    return;
  }
  logInfo(`secretscan: scanning ${scan.description}`);
  if (scan.warning !== undefined) warn(`secretscan: ${scan.warning}`);
  // A pull request (or merge queue entry) is scanned with the settings of its base: its own
  // config, baseline or ignore file could otherwise switch the scan off.
  const base = PROPOSAL_EVENTS.has(event.name) && plan.kind === 'range' ? { sha: plan.base, head: plan.head } : undefined;
  if (base !== undefined) logInfo(`secretscan: the config, baseline and ignore file come from the base commit ${base.sha.slice(0, 12)}`);
  const outcome = await runScan({
    cwd: workspace,
    source: scan.source,
    ...(inputs.config === undefined ? {} : { config: inputs.config }),
    ...(inputs.baseline === undefined ? {} : { baseline: inputs.baseline }),
    ...(base === undefined ? {} : { settingsCommit: base.sha }),
    ...(inputs.timeoutSeconds === undefined ? {} : { timeoutSeconds: inputs.timeoutSeconds }),
    args: inputs.scanArgs,
    verify: verifyRequestFor(inputs, env),
  });
  logUntrusted(scanMessagesOf(outcome).join('\n'));
  const changes = base === undefined ? [] : await changedSettings(workspace, base.sha, base.head, settingsPaths(workspace, inputs));
  if (outcome.scan !== undefined && changes.length > 0) {
    const result = outcome.scan.result;
    result.notices = [...changes.map((change) => describeChange(change, base?.sha ?? '')), ...(result.notices ?? [])];
  }
  const failure = failureOf(outcome, inputs.failOn);
  const hasPrivateNotice = event.isPrivate === true && outcome.scan !== undefined;
  // The step's own annotations come out of GitHub's per-step budget before the findings' do.
  const reserved = { error: failure === undefined ? 0 : 1, warning: (scan.warning === undefined ? 0 : 1) + changes.length, notice: hasPrivateNotice ? 1 : 0 };
  for (const change of changes) {
    annotate('warning', describeChange(change, base?.sha ?? ''), { title: 'secretscan: this pull request changes how it is scanned', ...(change.status === 'D' ? {} : { file: change.path }) });
  }
  await publish(outcome, inputs, { githubWorkspace, env, event, reserved });
  if (hasPrivateNotice) annotate('notice', PRIVATE_UPLOAD_NOTICE, { title: 'secretscan: code scanning on a private repository' });
  if (failure !== undefined) fail(failure);
}

function messageOf(error: unknown): string {
  if (error instanceof ScanError) return `secretscan: ${error.message}${error.hint === undefined ? '' : ` (${error.hint})`}`;
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `secretscan: internal error, which is a bug; please report it: ${text}`;
}

/**
 * Runs the action and never throws: every problem fails the step with a message (the runner
 * shows it as an error annotation).
 */
export async function main(env: Env = process.env): Promise<void> {
  // git runs in the runner's environment, whatever `env` the inputs are read from.
  useGitEnvironment({ env: process.env, cwd: process.cwd() });
  try {
    await runAction(env);
  } catch (error) {
    fail(messageOf(error));
  }
}
