import type { SourceKind } from '../engine/index.js';
import type { ScanResult } from '../findings/index.js';
import { type KindPolicy, withoutAllowlistedFiles } from '../suppress/index.js';
import { compareFindings } from '../findings/index.js';
import { auditRepository } from './audit.js';
import { loadCatalogue } from './load-catalogue.js';
import type { AuditCheck, Catalogue } from './types.js';

/** What a scan tells the audit about itself. */
export interface ScanShape {
  kind: Exclude<SourceKind, 'commit-msg'>;
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

/** The catalogue without the kinds the config turned off. */
export function withoutKindsOff(catalogue: Catalogue, isKindOff: (id: string) => boolean): Catalogue {
  return { ...catalogue, kinds: catalogue.kinds.filter((kind) => !isKindOff(kind.spec.id)) };
}

/**
 * Runs the audit checks on the repository at `root` and returns `result` with their findings added, except
 * kinds turned off and findings an allowlist entry covers (counted as suppressed paths). `log`
 * (for `--debug`) hears where the catalogue came from.
 */
export async function addAuditFindings(result: ScanResult, options: { root: string; checks: readonly AuditCheck[]; range?: string; policy: KindPolicy; log?: (line: string) => void }): Promise<ScanResult> {
  if (options.checks.length === 0) return result;
  const loaded = await loadCatalogue();
  options.log?.(`sensitive-file catalogue: ${loaded.origin ?? loaded.file}`);
  const catalogue = withoutKindsOff(loaded, options.policy.isKindOff);
  const { findings } = await auditRepository({ root: options.root, catalogue, checks: options.checks, ...(options.range === undefined ? {} : { range: options.range }) });
  const { kept, dropped } = withoutAllowlistedFiles(findings, options.policy);
  return { ...result, findings: [...result.findings, ...kept].sort(compareFindings), suppressed: { ...result.suppressed, paths: result.suppressed.paths + dropped } };
}
