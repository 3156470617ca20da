import type { Invocation, Log, Notification, Run, ToolComponent, VersionControlDetails } from 'sarif';
import type { ScanResult } from '../../findings/index.js';
import { firedRules } from '../shared/fired-rules.js';
import { resultOf } from './results.js';
import { ruleDescriptorOf } from './rules.js';
import { directoryUriOf, relativeUriOf, SRCROOT } from './uri.js';
import { sortByPath, sortFindings } from '../shared/sort-findings.js';
import type { ReportContext } from '../types.js';

/** Declared in every log; the schema store copy is the one editors and GitHub resolve. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function driverOf(ctx: ReportContext, result: ScanResult): ToolComponent {
  const driver: ToolComponent = { name: ctx.toolName, version: ctx.version, informationUri: ctx.informationUri };
  if (SEMVER.test(ctx.version)) driver.semanticVersion = ctx.version;
  driver.rules = firedRules(result.findings, ctx.rules).map((fired) => ruleDescriptorOf(fired, ctx.informationUri));
  return driver;
}

function problemNotification(problem: ScanResult['problems'][number]): Notification {
  const reason = problem.message.trimEnd();
  return {
    level: 'error',
    message: { text: `Could not scan this file: ${reason}${reason.endsWith('.') ? '' : '.'}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: relativeUriOf(problem.path), uriBaseId: SRCROOT } } }],
  };
}

// A fact about the scan (e.g. a shallow clone's depth), not a failure: level "note".
function noticeNotification(notice: string): Notification {
  const text = notice.trimEnd();
  return { level: 'note', message: { text: /[.!?]$/.test(text) ? text : `${text}.` } };
}

// Problems first (sorted by path), then notices in the order the scan reported them.
function invocationOf(result: ScanResult): Invocation {
  const invocation: Invocation = { executionSuccessful: !result.isPartial };
  const notifications = [...sortByPath(result.problems).map(problemNotification), ...(result.notices ?? []).map(noticeNotification)];
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;
  return invocation;
}

function provenanceOf(ctx: ReportContext): VersionControlDetails[] | undefined {
  if (ctx.vcs === undefined) return undefined;
  const details: VersionControlDetails = { repositoryUri: ctx.vcs.repositoryUri, mappedTo: { uriBaseId: SRCROOT } };
  if (ctx.vcs.revisionId !== undefined) details.revisionId = ctx.vcs.revisionId;
  if (ctx.vcs.branch !== undefined) details.branch = ctx.vcs.branch;
  return [details];
}

/**
 * The SARIF 2.1.0 log as a plain object, shaped for GitHub code scanning: only the rules that
 * fired (sorted by id, so `ruleIndex` is stable), redacted results, and locations relative to
 * `%SRCROOT%`, which `originalUriBaseIds` maps to `ctx.root`.
 */
export function buildSarifLog(result: ScanResult, ctx: ReportContext): Log {
  const driver = driverOf(ctx, result);
  const indexById = new Map((driver.rules ?? []).map((rule, index) => [rule.id, index]));
  const run: Run = {
    tool: { driver },
    invocations: [invocationOf(result)],
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUriOf(ctx.root) } },
    results: sortFindings(result.findings).map((finding) => resultOf(finding, indexById.get(finding.ruleId) ?? -1)),
    columnKind: 'utf16CodeUnits',
  };
  const provenance = provenanceOf(ctx);
  if (provenance !== undefined) run.versionControlProvenance = provenance;
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/** The SARIF report: `buildSarifLog` as 2-space indented JSON with a trailing newline. */
export function toSarif(result: ScanResult, ctx: ReportContext): string {
  return `${JSON.stringify(buildSarifLog(result, ctx), null, 2)}\n`;
}
