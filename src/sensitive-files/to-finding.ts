import { fingerprintFromSecretId, secretIdOf, type CommitInfo, type Finding } from '../findings/index.js';
import { shellQuote } from '../terminal-text/index.js';
import type { SensitiveFileKind } from './types.js';

/** What the audit found about one sensitive file. */
export type FileState = { state: 'tracked'; isIgnored: boolean } | { state: 'untracked' } | { state: 'staged' } | { state: 'history'; commit: CommitInfo; isPresentAtHead: boolean };

function contextOf(path: string, found: FileState): string {
  const quoted = shellQuote(path);
  switch (found.state) {
    case 'tracked':
      return found.isIgnored ? `tracked by git although .gitignore lists it: run git rm --cached -- ${quoted}` : `tracked by git and not in .gitignore: run git rm --cached -- ${quoted}, then secretscan gitignore --fix`;
    case 'untracked':
      return 'present and not ignored: `git add .` would commit it; run secretscan gitignore --fix';
    case 'staged':
      return `staged for commit: run git restore --staged -- ${quoted} and add it to .gitignore (secretscan gitignore --fix)`;
    case 'history': {
      const where = `committed in ${found.commit.sha.slice(0, 12)} (${found.commit.date.slice(0, 10)})`;
      return found.isPresentAtHead ? `${where} and still at HEAD: run git rm --cached -- ${quoted} and rotate what it holds` : `${where}, deleted since: it stays in git history; rotate what it held`;
    }
  }
}

/**
 * An audit result as an ordinary finding: the whole file is the "secret", so the position is 1:1,
 * the preview is empty, and the fingerprint hashes the rule id, path and state (no content).
 */
export function auditFinding(kind: SensitiveFileKind, path: string, found: FileState): Finding {
  const ruleId = kind.spec.id;
  const secretId = secretIdOf(ruleId, `<file>:${found.state}:${path}`);
  const finding: Finding = {
    ruleId,
    ruleName: kind.spec.name,
    severity: kind.spec.severity,
    path,
    startLine: 1,
    startColumn: 1,
    endLine: 1,
    endColumn: 1,
    fingerprint: fingerprintFromSecretId(ruleId, path, secretId),
    secretId,
    preview: '',
    context: contextOf(path, found),
    entropy: 0,
  };
  if (found.state === 'history') {
    finding.commit = found.commit;
    finding.isPresentAtHead = found.isPresentAtHead;
  }
  return finding;
}
