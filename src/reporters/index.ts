import { UsageError } from '../errors.js';
import { toJson } from './json/index.js';
import { toMarkdown } from './markdown/index.js';
import { toSarif } from './sarif/index.js';
import { toText } from './text/index.js';
import { toHtml } from './html/index.js';
import type { Reporter } from './types.js';

export type { CommitAdvice, ReportContext, Reporter, ScannedRepository, VersionControlInfo } from './types.js';
export { JSON_REPORT_VERSION } from './json/index.js';
export { toJson } from './json/index.js';
export { toMarkdown } from './markdown/index.js';
export { buildSarifLog, SARIF_SCHEMA_URI, toSarif } from './sarif/index.js';
export { toText } from './text/index.js';
export { renderAuditPage, toHtml, type AuditSecret, type AuditView } from './html/index.js';
export { markdownCode, markdownText } from './markdown/escape.js';
export { ruleDescriptorOf } from './sarif/rules.js';
export { SARIF_LEVEL } from './sarif/severity.js';
export { relativeUriOf } from './sarif/uri.js';
export type { FiredRule } from './shared/fired-rules.js';

/** Every `--format` value, in the order help text lists them. */
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'html'] as const;

/** One of REPORT_FORMATS. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const REPORTERS: Readonly<Record<ReportFormat, Reporter>> = {
  text: toText,
  json: toJson,
  sarif: toSarif,
  markdown: toMarkdown,
  html: toHtml,
};

/** Whether `name` is a known `--format` value. */
export function isReportFormat(name: string): name is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(name);
}

/** The reporter for a `--format` value; throws a UsageError naming the valid formats otherwise. */
export function reporterFor(name: string): Reporter {
  if (!isReportFormat(name)) {
    throw new UsageError(`unknown report format "${name}"`, `use one of: ${REPORT_FORMATS.join(', ')}`);
  }
  return REPORTERS[name];
}
