import type { ScanResult } from '../findings/index.js';
import { compareFindings } from '../findings/index.js';
import { auditRepository } from './audit.js';
import { loadCatalogue } from './load-catalogue.js';
import type { AuditCheck } from './types.js';

/** What a scan tells the audit about itself. */
export interface ScanShape {
  kind: 'tree' | 'stdin' | 'staged' | 'range' | 'history';
  /** True when a tree scan covers the whole work tree (no paths given, run from inside it). */
  isWholeTree: boolean;
  isBare: boolean;
}

/**
 * The audit checks a scan runs: a whole-tree scan checks tracked and not-ignored files, `--staged`
 * what is about to be committed, `--history` every path ever committed, `--range` every path the
 * range adds; path and stdin scans run none.
 */
export function auditChecksFor(scan: ScanShape): AuditCheck[] {
  if (scan.kind === 'history') return ['history'];
  if (scan.kind === 'range') return ['range'];
  if (scan.isBare) return [];
  if (scan.kind === 'staged') return ['staged'];
  if (scan.kind === 'tree' && scan.isWholeTree) return ['tracked', 'untracked'];
  return [];
}

/**
 * Runs the audit checks on the repository at `root` and adds their findings to `result`, except
 * those whose path a whole-path allowlist entry covers (counted as suppressed paths). `log`
 * (for `--debug`) hears where the catalogue came from.
 */
export async function addAuditFindings(result: ScanResult, options: { root: string; checks: readonly AuditCheck[]; range?: string; isPathSuppressed: (path: string) => boolean; log?: (line: string) => void }): Promise<ScanResult> {
  if (options.checks.length === 0) return result;
  const catalogue = await loadCatalogue();
  options.log?.(`sensitive-file catalogue: ${catalogue.origin ?? catalogue.file}`);
  const { findings } = await auditRepository({ root: options.root, catalogue, checks: options.checks, ...(options.range === undefined ? {} : { range: options.range }) });
  const kept = findings.filter((finding) => !options.isPathSuppressed(finding.path));
  result.suppressed.paths += findings.length - kept.length;
  result.findings = [...result.findings, ...kept].sort(compareFindings);
  return result;
}
