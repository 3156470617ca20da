import { compareFindings, type Finding } from '../findings/index.js';
import { kindOfPath } from './compile-kind.js';
import { ignoredAmong, listEverAdded, listHeadPaths, listStaged, listTracked, listUntracked, readBlob, readWorkingFile } from './git-queries.js';
import { missingLinesOf, type Candidate } from './missing-lines.js';
import { auditFinding } from './to-finding.js';
import type { AuditCheck, Catalogue, MissingLines, SensitiveFileKind } from './types.js';

/** What to audit: a work tree's root, the catalogue and the checks to run. */
export interface AuditOptions {
  root: string;
  catalogue: Catalogue;
  checks: readonly AuditCheck[];
  /** The range the `range` check looks at (`BASE..HEAD` or `BASE...HEAD`). */
  range?: string;
}

/** The audit's outcome: findings, and the `.gitignore` lines missing (tracked/untracked checks only). */
export interface AuditReport {
  findings: Finding[];
  missing: MissingLines[];
  /** Secret-bearing files git tracks (tracked check only): each needs `git rm --cached`. */
  tracked: string[];
}

/** The entry a path belongs to, reading its content only when the entry has a `contentPattern`. */
async function kindOf(kinds: readonly SensitiveFileKind[], path: string, read: () => Promise<string | undefined>): Promise<SensitiveFileKind | undefined> {
  const kind = kindOfPath(kinds, path);
  if (kind?.matchesContent === undefined) return kind;
  const content = await read();
  return content !== undefined && kind.matchesContent(content) ? kind : undefined;
}

async function auditWorkTree(root: string, catalogue: Catalogue, checks: readonly AuditCheck[]): Promise<AuditReport> {
  const [tracked, untracked] = await Promise.all([listTracked(root), listUntracked(root)]);
  const candidates: Candidate[] = [];
  for (const path of tracked) {
    const kind = await kindOf(catalogue.kinds, path, async () => (await readWorkingFile(root, path)) ?? readBlob(root, `:${path}`));
    if (kind !== undefined) candidates.push({ path, kind, isTracked: true });
  }
  for (const path of untracked) {
    const kind = await kindOf(catalogue.kinds, path, () => readWorkingFile(root, path));
    if (kind !== undefined) candidates.push({ path, kind, isTracked: false });
  }
  const ignored = await ignoredAmong(
    root,
    candidates.map((c) => c.path),
  );
  const findings: Finding[] = [];
  for (const { path, kind, isTracked } of candidates) {
    if (isTracked && checks.includes('tracked')) findings.push(auditFinding(kind, path, { state: 'tracked', isIgnored: ignored.has(path) }));
    if (!isTracked && !ignored.has(path) && checks.includes('untracked')) findings.push(auditFinding(kind, path, { state: 'untracked' }));
  }
  const existing = (await readWorkingFile(root, '.gitignore')) ?? '';
  const trackedPaths = checks.includes('tracked') ? candidates.filter((c) => c.isTracked).map((c) => c.path) : [];
  return {
    findings,
    missing: missingLinesOf(
      candidates.filter((c) => !ignored.has(c.path)),
      existing,
    ),
    tracked: trackedPaths,
  };
}

async function auditStaged(root: string, catalogue: Catalogue): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const path of await listStaged(root)) {
    const kind = await kindOf(catalogue.kinds, path, () => readBlob(root, `:${path}`));
    if (kind !== undefined) findings.push(auditFinding(kind, path, { state: 'staged' }));
  }
  return findings;
}

/**
 * Every sensitive path ever added, with its first commit and whether HEAD still has it. A
 * `contentPattern` entry is judged on the version that first added the path.
 */
async function auditHistory(root: string, catalogue: Catalogue, range?: string): Promise<Finding[]> {
  // A range's head is what follows its dots: whether the file is still there at the range's end.
  const head = range === undefined ? 'HEAD' : range.slice(range.lastIndexOf('..') + 2) || 'HEAD';
  const [added, present] = await Promise.all([listEverAdded(root, range), listHeadPaths(root, head)]);
  const findings: Finding[] = [];
  for (const [path, commit] of added) {
    const kind = await kindOf(catalogue.kinds, path, () => readBlob(root, `${commit.sha}:${path}`));
    if (kind !== undefined) findings.push(auditFinding(kind, path, { state: 'history', commit, isPresentAtHead: present.has(path) }));
  }
  return findings;
}

/**
 * Audits the repository at `root` for secret-bearing files (DESIGN.md §8): tracked ones (even
 * when ignored), present-but-not-ignored ones, staged ones, ones ever committed or added by a
 * range, and the
 * `.gitignore` lines that are missing. Findings come back sorted.
 */
export async function auditRepository({ root, catalogue, checks, range }: AuditOptions): Promise<AuditReport> {
  const report: AuditReport = { findings: [], missing: [], tracked: [] };
  if (checks.includes('tracked') || checks.includes('untracked')) Object.assign(report, await auditWorkTree(root, catalogue, checks));
  if (checks.includes('staged')) for (const finding of await auditStaged(root, catalogue)) report.findings.push(finding);
  if (checks.includes('history')) for (const finding of await auditHistory(root, catalogue)) report.findings.push(finding);
  // A range scan (a pull request, a push) audits what the range adds: a new `.env` fails it too.
  if (checks.includes('range') && range !== undefined) for (const finding of await auditHistory(root, catalogue, range)) report.findings.push(finding);
  report.findings.sort(compareFindings);
  return report;
}
