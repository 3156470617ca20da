import type { Finding } from '../findings/index.js';
import { auditRepository } from './audit.js';
import { applyGitignoreFix } from './fix.js';
import { loadCatalogue } from './load-catalogue.js';
import { type KindPolicy, withoutAllowlistedFiles } from '../suppress/index.js';
import { withoutKindsOff } from './scan-audit.js';
import type { Catalogue, MissingLines } from './types.js';

/** What `secretscan gitignore` found and, with `--fix`, did. */
export interface GitignoreOutcome {
  catalogue: Catalogue;
  /** Findings before any fix. */
  findings: Finding[];
  /** The lines `.gitignore` lacked before any fix. */
  missing: MissingLines[];
  /** Lines appended by `--fix` (empty without it, or when nothing was missing). */
  appended: string[];
  /** Findings that remain after the fix (the same as `findings` without `--fix`). */
  remaining: Finding[];
  /** Tracked sensitive paths: each needs `git rm --cached`, which is never run for the user. */
  tracked: string[];
}

async function auditOnce(root: string, catalogue: Catalogue, isSuppressed: KindPolicy['isSuppressed']): Promise<{ findings: Finding[]; missing: MissingLines[]; tracked: string[] }> {
  const report = await auditRepository({ root, catalogue, checks: ['tracked', 'untracked'] });
  const missing = report.missing.map((entry) => ({ ...entry, paths: entry.paths.filter((path) => !isSuppressed(entry.id, path)) })).filter((entry) => entry.paths.length > 0);
  const findings = withoutAllowlistedFiles(report.findings, { isSuppressed }).kept;
  const kept = new Set(findings.map((finding) => finding.path));
  return { findings, missing, tracked: [...new Set(report.tracked.filter((path) => kept.has(path)))] };
}

/**
 * The `.gitignore` audit of the work tree at `root`; with `shouldFix`, appends the missing lines
 * and audits again. Kinds turned off and paths an allowlist entry covers (for every rule or for that kind) are left out. Nothing is deleted or
 * untracked.
 */
export async function runGitignoreAudit(options: { root: string; policy: KindPolicy; shouldFix: boolean }): Promise<GitignoreOutcome> {
  const catalogue = withoutKindsOff(await loadCatalogue(), options.policy.isKindOff);
  const before = await auditOnce(options.root, catalogue, options.policy.isSuppressed);
  const appended = options.shouldFix ? await applyGitignoreFix(options.root, before.missing) : [];
  const after = appended.length > 0 ? await auditOnce(options.root, catalogue, options.policy.isSuppressed) : before;
  return { catalogue, findings: before.findings, missing: before.missing, appended, remaining: after.findings, tracked: after.tracked };
}
