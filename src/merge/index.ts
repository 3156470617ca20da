export type { MergedCommit, MergedFinding, MergedRepository, MergeTotals, RepositorySighting } from './types.js';
export type { MergedReports, MergeOptions, ReportFile } from './merge-reports.js';
export { mergeReports } from './merge-reports.js';
export { DEFAULT_MAX_REPORT_BYTES } from './report-limits.js';
export { mergedJson } from './formats/json.js';
export { mergedMarkdown } from './formats/markdown.js';
export { mergedSarif } from './formats/sarif.js';
export { rankFindings, type RankedFindings } from './formats/ranked.js';
export { mergedHtml } from './formats/html.js';
