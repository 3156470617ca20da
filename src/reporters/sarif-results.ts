import type { Result } from 'sarif';
import type { Finding } from '../findings/index.js';
import { SARIF_LEVEL } from './sarif-severity.js';
import { relativeUriOf } from './sarif-uri.js';

/** Base id of every location; `run.originalUriBaseIds` maps it to the scanned root. */
export const SRCROOT = '%SRCROOT%';

/**
 * `partialFingerprints` key of `finding.fingerprint` (rule + path + secret). Versioned: a change
 * of recipe gets a new key, never a new meaning under the old one.
 */
export const FINGERPRINT_KEY = 'secretscan/v1';

/** `partialFingerprints` key of `finding.secretId` (rule + secret): the same secret in other files. */
export const SECRET_ID_KEY = 'secretscanSecretId/v1';

function messageOf(finding: Finding): string {
  const introduced = finding.commit === undefined ? '' : ` Committed in ${finding.commit.sha.slice(0, 12)}.`;
  return (
    `${finding.ruleName} detected: ${finding.preview}.${introduced} ` +
    'Rotate it at the provider first, then remove it from the code and from git history.'
  );
}

/**
 * One SARIF result per finding. Everything in it is redacted: the message names the preview and
 * the snippet is the context line, in which every secret is already replaced by its preview.
 * `finding.secret` (--show-secrets) is never copied: SARIF files are uploaded and archived.
 */
export function resultOf(finding: Finding, ruleIndex: number): Result {
  const result: Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[finding.severity],
    message: { text: messageOf(finding) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUriOf(finding.path), uriBaseId: SRCROOT },
          region: {
            startLine: finding.startLine,
            startColumn: finding.startColumn,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
            snippet: { text: finding.context },
          },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint, [SECRET_ID_KEY]: finding.secretId },
  };
  if (finding.commit !== undefined) {
    const { sha, author, date } = finding.commit;
    result.properties = { commit: { sha, author, date } };
  }
  return result;
}
