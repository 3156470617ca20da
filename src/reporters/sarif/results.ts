import type { Result } from 'sarif';
import type { Finding } from '../../findings/index.js';
import { isHistoryFinding } from '../shared/occurrences.js';
import { historySentences, relatedLocationsOf } from './related.js';
import { SARIF_LEVEL } from './severity.js';
import { relativeUriOf, SRCROOT } from './uri.js';

/**
 * `partialFingerprints` key of `finding.fingerprint` (rule + path + secret). Versioned: a change
 * of recipe gets a new key, never a new meaning under the old one.
 */
const FINGERPRINT_KEY = 'secretscan/v1';

/** `partialFingerprints` key of `finding.secretId` (rule + secret): the same secret in other files. */
const SECRET_ID_KEY = 'secretscanSecretId/v1';

function provenanceOf(finding: Finding): string {
  if (isHistoryFinding(finding)) return historySentences(finding);
  return finding.commit === undefined ? '' : `Committed in ${finding.commit.sha.slice(0, 12)}.`;
}

// A secret-bearing-file finding has no preview (the whole file is the finding): the message names the file.
const VERIFIED: Readonly<Record<string, string>> = {
  live: 'Its provider still accepted it at',
  revoked: 'Its provider rejected it at',
  unknown: 'Whether its provider accepts it is unknown (checked at',
};

function verificationSentence(finding: Finding): string {
  const { verification } = finding;
  if (verification === undefined) return '';
  const closing = verification.status === 'unknown' ? `${verification.checkedAt}).` : `${verification.checkedAt}.`;
  return ` ${VERIFIED[verification.status] ?? ''} ${closing}`;
}

function messageOf(finding: Finding): string {
  const provenance = provenanceOf(finding) + verificationSentence(finding);
  const inName = finding.isInFileName === true ? ' in the file name' : '';
  const where = finding.byteOffset === undefined ? '' : ` at byte ${finding.byteOffset} (a printable string in a binary file)`;
  return `${finding.ruleName} detected${inName}: ${finding.preview === '' ? finding.path : finding.preview}${where}.${provenance === '' ? '' : ` ${provenance}`} Rotate it at the provider first, then remove it from the code and from git history.`;
}

// A binary file's region gives the bytes too; its lines and columns count line feeds and bytes.
function bytesOf(finding: Finding): { byteOffset?: number; byteLength?: number } {
  return finding.byteOffset === undefined ? {} : { byteOffset: finding.byteOffset, byteLength: finding.byteLength ?? 0 };
}

// `commit` is where the reported location comes from; history results also name it `firstCommit`
// (the commit that introduced the secret) and say whether HEAD still holds it.
function propertiesOf(finding: Finding): Result['properties'] {
  const properties: NonNullable<Result['properties']> = {};
  if (finding.commit !== undefined) {
    const { sha, author, date } = finding.commit;
    properties.commit = { sha, author, date };
    if (isHistoryFinding(finding)) properties.firstCommit = sha;
  }
  if (finding.isPresentAtHead !== undefined) properties.isPresentAtHead = finding.isPresentAtHead;
  if (finding.decodedFrom !== undefined) properties.decodedFrom = finding.decodedFrom;
  if (finding.verification !== undefined) properties.verification = { ...finding.verification };
  return Object.keys(properties).length === 0 ? undefined : properties;
}

/**
 * One SARIF result per finding. Everything in it is redacted: the message names the preview and
 * the snippet is the context line, in which every secret is already replaced by its preview.
 * `finding.secret` (--show-secrets) is never copied: SARIF files are uploaded and archived.
 * A history result also lists the other places its secret appears as `relatedLocations`.
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
            ...bytesOf(finding),
            snippet: { text: finding.context },
          },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint, [SECRET_ID_KEY]: finding.secretId },
  };
  const related = relatedLocationsOf(finding);
  if (related.length > 0) result.relatedLocations = related;
  const properties = propertiesOf(finding);
  if (properties !== undefined) result.properties = properties;
  return result;
}
