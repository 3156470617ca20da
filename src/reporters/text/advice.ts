import { placeOf } from '../shared/location.js';
import type { Finding } from '../../findings/index.js';
import { printable } from '../../terminal-text/index.js';
import type { CommitAdvice } from '../types.js';

const AUDIT_RULE_PREFIX = 'file.';

function shellWord(text: string): string {
  return /^[\w./@%+=:-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/** One `.secretscanignore` line per finding: the fingerprint, then what it is as a comment. */
function ignoreLines(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `    ${finding.fingerprint}  # ${finding.ruleId} at ${printable(placeOf(finding))}`);
}

function fixLines(advice: CommitAdvice, findings: readonly Finding[], command: string): string[] {
  if (advice.kind === 'commit-msg') {
    const file = printable(advice.messageFile);
    return [
      '  Take the secret out of the commit message, and commit again: git saved the message in',
      `  ${file}, and \`git commit -e -F ${file}\` starts from it.`,
      '  Rotate the credential at its provider if it was ever pushed or shared.',
    ];
  }
  const lines = ['  Remove each secret from the files, keep it in an environment variable or a secret manager,', '  `git add` the files again, and rotate the credential if it was ever pushed or shared.'];
  const files = [...new Set(findings.filter((f) => f.ruleId.startsWith(AUDIT_RULE_PREFIX)).map((f) => printable(f.path)))];
  if (files.length > 0) {
    lines.push(`  A secret-bearing file is staged: unstage it (\`git restore --staged -- ${files.map(shellWord).join(' ')}\`) and ignore it (\`${command} gitignore --fix\`).`);
  }
  lines.push(`  Check again: ${command} scan --staged`);
  return lines;
}

/**
 * What to do about findings in a commit being made (`--staged`, `--commit-msg`): fix it, with the
 * command that works in this install; or, for a false positive, the exact lines to copy into
 * `.secretscanignore` (fingerprints are hashes, not secrets); and the last resort.
 */
export function commitAdviceLines(findings: readonly Finding[], advice: CommitAdvice, command: string): string[] {
  return [
    'To commit:',
    ...fixLines(advice, findings, command),
    '  A false positive? Copy its line into .secretscanignore (a # comment saying why helps the next reader),',
    '  or add `secretscan:allow` on the line, or an allowlist entry with a reason in .secretscan.yaml:',
    ...ignoreLines(findings),
    '  Last resort: git commit --no-verify',
    '',
  ];
}
