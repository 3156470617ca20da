import { UsageError } from '../errors.js';
import { redact, SEVERITIES, type Severity } from '../findings/index.js';
import { JSON_REPORT_VERSION } from '../reporters/index.js';
import { MAX_FIELD_LENGTH } from './report-limits.js';
import type { MergedCommit, Sighting } from './types.js';

/** What a valid report says about itself. */
export interface ReportHeader {
  name: string;
  commit?: string;
  toolVersion: string;
  isPartial: boolean;
  findings: readonly unknown[];
}

type Json = Record<string, unknown>;

const SECRET_ID = /^v\d+:[0-9a-f]{32,64}$/;
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
// A preview secretscan wrote: at most 4 characters, `…`, and the length.
const PREVIEW = /^[^\n]{0,4}…\(\d{1,9}\)$/u;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws the exit-2 error for a report that cannot be merged; `where` is e.g. `a.json: findings[3].path`. */
export function badReport(where: string, what: string, hint?: string): never {
  throw new UsageError(`${where} ${what}`, hint ?? 'merge the JSON reports of `secretscan scan --format json` (same secretscan version)');
}

function text(value: unknown, where: string, max: number, isOptional = false): string | undefined {
  if (value === undefined && isOptional) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > max || value.includes('\0')) badReport(where, `is not a string of 1 to ${max} characters`);
  return value;
}

function positive(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) badReport(where, 'is not a positive whole number');
  return value;
}

function commitOf(value: unknown, where: string): MergedCommit | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) badReport(where, 'is not a commit object');
  const sha = text(value.sha, `${where}.sha`, 64) as string;
  if (!SHA.test(sha)) badReport(`${where}.sha`, 'is not a full commit id');
  const date = text(value.date, `${where}.date`, MAX_FIELD_LENGTH.date) as string;
  if (Number.isNaN(Date.parse(date))) badReport(`${where}.date`, 'is not a date');
  const author = text(value.author, `${where}.author`, MAX_FIELD_LENGTH.author, true);
  return { sha, date, ...(author === undefined ? {} : { author }) };
}

/**
 * A report's header, checked: a secretscan JSON report of this schema version that names its
 * repository. Its findings are checked one at a time by sightingOf.
 */
export function reportHeaderOf(report: unknown, label: string): ReportHeader {
  if (!isObject(report) || !isObject(report.tool) || !Array.isArray(report.findings)) badReport(label, 'is not a secretscan JSON report (no tool and findings)');
  if (report.kind === 'merge') badReport(label, 'is a merged report', 'merge the reports of each repository, not merged reports');
  if (report.schemaVersion !== JSON_REPORT_VERSION) {
    const version = typeof report.schemaVersion === 'number' ? `schemaVersion ${report.schemaVersion}` : 'no schemaVersion';
    badReport(label, `has ${version}; this secretscan merges reports of schemaVersion ${JSON_REPORT_VERSION}`, 'scan each repository again with this version of secretscan');
  }
  const repository = report.repository;
  if (!isObject(repository) || repository.name === undefined) badReport(label, 'does not name its repository', 'scan from a clone with an origin remote, or pass --repository NAME to scan');
  const name = text(repository.name, `${label}: repository.name`, 512) as string;
  if (/[\0-\x1f\x7f]/.test(name)) badReport(`${label}: repository.name`, 'holds control characters');
  const commit = text(repository.commit, `${label}: repository.commit`, 64, true);
  if (commit !== undefined && !SHA.test(commit)) badReport(`${label}: repository.commit`, 'is not a full commit id');
  const toolVersion = text(report.tool.version, `${label}: tool.version`, MAX_FIELD_LENGTH.toolVersion) as string;
  return { name, ...(commit === undefined ? {} : { commit }), toolVersion, isPartial: report.isPartial === true, findings: report.findings };
}

function severityOf(value: unknown, where: string): Severity {
  if (!SEVERITIES.includes(value as Severity)) badReport(where, `is not one of ${SEVERITIES.join(', ')}`);
  return value as Severity;
}

/** A preview as secretscan writes it; anything else might hold more of the secret, so it is redacted again. */
function previewOf(value: unknown, where: string): string {
  const preview = text(value, where, 4096) as string;
  return PREVIEW.test(preview) && preview.length <= MAX_FIELD_LENGTH.preview ? preview : redact(preview);
}

/** One finding of a report as a Sighting of its repository (`repository` = the report's index). */
export function sightingOf(finding: unknown, where: string, repository: number): Sighting {
  if (!isObject(finding)) badReport(where, 'is not a finding object');
  const secretId = text(finding.secretId, `${where}.secretId`, 80) as string;
  if (!SECRET_ID.test(secretId)) badReport(`${where}.secretId`, 'is not a secret id');
  const ruleId = text(finding.ruleId, `${where}.ruleId`, MAX_FIELD_LENGTH.ruleId) as string;
  if (!RULE_ID.test(ruleId)) badReport(`${where}.ruleId`, 'is not a rule id');
  const occurrences = finding.occurrences;
  if (occurrences !== undefined && !Array.isArray(occurrences)) badReport(`${where}.occurrences`, 'is not a list');
  const sighting: Sighting = {
    secretId,
    ruleId,
    ruleName: text(finding.ruleName, `${where}.ruleName`, MAX_FIELD_LENGTH.ruleName) as string,
    severity: severityOf(finding.severity, `${where}.severity`),
    preview: previewOf(finding.preview, `${where}.preview`),
    repository,
    path: text(finding.path, `${where}.path`, MAX_FIELD_LENGTH.path) as string,
    startLine: positive(finding.startLine, `${where}.startLine`),
    occurrences: Math.max(1, occurrences?.length ?? 1),
  };
  const commit = commitOf(finding.commit, `${where}.commit`);
  if (commit !== undefined) sighting.commit = commit;
  if (finding.isPresentAtHead !== undefined) {
    if (typeof finding.isPresentAtHead !== 'boolean') badReport(`${where}.isPresentAtHead`, 'is not true or false');
    sighting.isPresentAtHead = finding.isPresentAtHead;
  }
  const removedIn = commitOf(finding.removedIn, `${where}.removedIn`);
  if (removedIn !== undefined) sighting.removedIn = removedIn;
  return sighting;
}
