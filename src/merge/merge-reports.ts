import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { compareStrings, type Severity } from '../findings/index.js';
import { readRegularFile } from '../safe-fs/index.js';
import { groupSightings } from './group-sightings.js';
import { SpillFiles } from './spill.js';
import { keyOf } from './totals.js';
import type { MergedFinding, MergedRepository, Sighting } from './types.js';
import { badReport, reportHeaderOf, sightingOf } from './validate-report.js';

/** A report file to merge, and how messages name it. */
export interface ReportFile {
  path: string;
  label: string;
}

/** Options of mergeReports. */
export interface MergeOptions {
  /** A directory for the spill files (a fresh directory is made inside it and removed by `close`). */
  tempDir: string;
  /** Largest report read, in bytes. */
  maxReportBytes: number;
}

/** Merged reports: the repositories, then the findings streamed from disk one bucket at a time. */
export interface MergedReports {
  /** Sorted by name, then scanned commit. */
  repositories: MergedRepository[];
  /** Each rule that fired in any report: id → its name and the severity of its first finding. */
  rules: Map<string, { name: string; severity: Severity }>;
  /** One finding per secret, in secret-id order; may be iterated more than once. */
  findings: () => AsyncGenerator<MergedFinding>;
  /** Removes the spill files. */
  close: () => Promise<void>;
}

async function parseReport(file: ReportFile, maxBytes: number): Promise<unknown> {
  const bytes = await readRegularFile(file.path, { maxBytes, shouldFollowSymlink: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EFBIG') badReport(file.label, `is larger than ${maxBytes} bytes`, 'raise the limit with --max-report-size if the report is trusted');
    if (error.code === 'ENOENT') badReport(file.label, 'does not exist');
    badReport(file.label, `cannot be read (${error.code ?? error.message})`);
  });
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    badReport(file.label, 'is not JSON');
  }
}

/** Reads one report, checks it, and spills its findings; returns its repository. */
async function spillReport(file: ReportFile, index: number, spill: SpillFiles, options: MergeOptions, rules: MergedReports['rules']): Promise<MergedRepository> {
  const header = reportHeaderOf(await parseReport(file, options.maxReportBytes), file.label);
  for (const [at, finding] of header.findings.entries()) {
    const sighting = sightingOf(finding, `${file.label}: findings[${at}]`, index);
    if (!rules.has(sighting.ruleId)) rules.set(sighting.ruleId, { name: sighting.ruleName, severity: sighting.severity });
    await spill.add(sighting.secretId, sighting);
  }
  const { name, commit, toolVersion, isPartial } = header;
  return { name, ...(commit === undefined ? {} : { commit }), findings: header.findings.length, isPartial, toolVersion };
}

/**
 * Merges JSON reports of many repositories into one finding per secret. Reports are read one at a
 * time (each within `maxReportBytes`) and reduced to sightings spilled to disk by secret id, so
 * memory holds one report, then one bucket of sightings, never all of them. Bad input (not a
 * report, another schema version, no repository, the same repository and commit twice) throws a
 * UsageError naming the file.
 */
export async function mergeReports(files: readonly ReportFile[], options: MergeOptions): Promise<MergedReports> {
  const dir = await mkdtemp(join(options.tempDir, 'secretscan-merge-'));
  const close = () => rm(dir, { recursive: true, force: true });
  try {
    const spill = new SpillFiles(dir);
    const rules: MergedReports['rules'] = new Map();
    const read: MergedRepository[] = [];
    const seen = new Map<string, string>();
    for (const [index, file] of files.entries()) {
      const repository = await spillReport(file, index, spill, options, rules);
      const key = keyOf(repository.name, repository.commit);
      const earlier = seen.get(key);
      if (earlier !== undefined) badReport(file.label, `and ${earlier} are both reports of ${repository.name}${repository.commit === undefined ? '' : ` at ${repository.commit}`}`, 'merge one report per repository and commit');
      seen.set(key, file.label);
      read.push(repository);
    }
    await spill.flush();
    const findings = async function* (): AsyncGenerator<MergedFinding> {
      for await (const bucket of spill.buckets()) yield* groupSightings(bucket as Sighting[], read);
    };
    const repositories = [...read].sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.commit ?? '', b.commit ?? ''));
    return { repositories, rules, findings, close };
  } catch (error) {
    await close();
    throw error;
  }
}
