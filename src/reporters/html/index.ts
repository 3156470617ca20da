import type { ScanResult } from '../../findings/index.js';
import type { ReportContext } from '../types.js';
import { viewOfScan } from './from-scan.js';
import { renderAuditPage } from './page.js';

export type { AuditCommit, AuditPlace, AuditSecret, AuditTotals, AuditView } from './types.js';
export { renderAuditPage } from './page.js';

/** The HTML report of a scan: one self-contained page (see renderAuditPage). */
export function toHtml(result: ScanResult, ctx: ReportContext): string {
  return renderAuditPage(viewOfScan(result, ctx));
}
