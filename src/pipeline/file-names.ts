import { createMatcher, isProviderRule, readBuiltinAutomaton, SecretFinder, type Matcher, type SuppressionPolicy } from '../engine/index.js';
import { fingerprintFromSecretId, type Finding, type SuppressedCounts } from '../findings/index.js';
import { loadBuiltinRules, type Rule } from '../rules/index.js';
import type { VisitedPath } from '../sources/index.js';

/** What scanning the file names of a scan found, and how to keep those names out of every report. */
export interface FileNameScan {
  /** One finding per token in a file name, located in the name (`isInFileName`). */
  findings: Finding[];
  suppressed: Pick<SuppressedCounts, 'allowlist'>;
  /** `text` with every token found in a file name replaced by its preview; unchanged when none was found or with `--show-secrets`. */
  redactText: (text: string) => string;
  /** Whether `redactText` changes anything: a token was found in a name (and `--show-secrets` is off). */
  hasSecrets: boolean;
}

const UNCHANGED = (text: string): string => text;

/**
 * The fingerprint of a token in a file name: a name is not content, so a file holding its own name's
 * token has two findings with two fingerprints (suppressing one does not hide the other).
 */
function nameFingerprint(finding: Finding): string {
  return fingerprintFromSecretId(finding.ruleId, `\0file-name:${finding.path}`, finding.secretId);
}

/** The text a finding of `text` points at (1-based lines and columns, end column exclusive): the token, or the encoded text it was decoded from. */
function textAt(text: string, finding: Finding): string {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const offset = (line: number, column: number): number => (lineStarts[line - 1] ?? 0) + column - 1;
  return text.slice(offset(finding.startLine, finding.startColumn), offset(finding.endLine, finding.endColumn));
}

/** What checking file names needs: the scan's rules and allowlist, and the matcher it already built, if any. */
export interface FileNameOptions {
  rules: readonly Rule[];
  /** A matcher over `rules` to reuse (the content's, on this thread); otherwise one is built. */
  matcher?: Matcher | undefined;
  policy: SuppressionPolicy;
  shouldRevealSecrets: boolean;
}

/**
 * Scans the file names a scan visited with the provider rules (those that know a token by its
 * format: a name has no assignment around it for the generic and carrier rules to judge). The
 * config's allowlists apply as to content. Secrets found here are the ones `redactText` hides
 * wherever a path is printed.
 */
export function scanFileNames(visited: readonly VisitedPath[], options: FileNameOptions): FileNameScan {
  const { rules, policy, shouldRevealSecrets } = options;
  const providerIds = new Set(rules.filter(isProviderRule).map((rule) => rule.spec.id));
  if (visited.length === 0 || providerIds.size === 0) return { findings: [], suppressed: { allowlist: 0 }, redactText: UNCHANGED, hasSecrets: false };
  // All the scan's rules, so the stored keyword automaton serves; only the provider rules' findings are kept.
  const matcher = options.matcher ?? createMatcher(rules, { suppression: policy, shouldRevealSecrets, prebuiltAutomaton: readBuiltinAutomaton() });
  const secrets = new Set<string>();
  const findings: Finding[] = [];
  let allowlisted = 0;
  for (const { path, commit } of visited) {
    if (policy.isPathSuppressed(path)) continue;
    const scanned = matcher.scanChunk({ origin: 'tree', path, text: path, startLine: 1 });
    allowlisted += scanned.suppressed.allowlist;
    for (const found of scanned.findings) {
      if (!providerIds.has(found.ruleId)) continue;
      secrets.add(textAt(path, found));
      const finding: Finding = { ...found, fingerprint: nameFingerprint(found), isInFileName: true };
      // A reused matcher may keep raw values for its own caller (verification); a name keeps one only with --show-secrets.
      if (!shouldRevealSecrets) delete finding.secret;
      if (commit !== undefined) finding.commit = commit;
      findings.push(finding);
    }
  }
  if (secrets.size === 0 || shouldRevealSecrets) return { findings, suppressed: { allowlist: allowlisted }, redactText: UNCHANGED, hasSecrets: false };
  const finder = new SecretFinder(secrets);
  return { findings, suppressed: { allowlist: allowlisted }, redactText: (text) => finder.redactIn(text).text, hasSecrets: true };
}

/**
 * `redactText` for output that lists repository paths outside a scan (the `.gitignore` audit):
 * the built-in provider rules run over `paths`, and what they find is hidden the same way.
 */
export async function fileNameRedactor(paths: Iterable<string>, policy: SuppressionPolicy): Promise<(text: string) => string> {
  const visited = [...new Set(paths)].map((path) => ({ path }));
  if (visited.length === 0) return UNCHANGED;
  const { rules } = await loadBuiltinRules();
  return scanFileNames(visited, { rules, policy, shouldRevealSecrets: false }).redactText;
}
