export type { AuditCheck, Catalogue, MissingLines, SensitiveFileKind, SensitiveFileSpec } from './types.js';
export type { AuditOptions, AuditReport } from './audit.js';
export type { ScanShape } from './scan-audit.js';
export { CATALOGUE_FILE, catalogueEntries, checkCatalogueFile, COMPILED_CATALOGUE_FILE, digestCatalogue, loadCatalogue, parseCatalogue } from './load-catalogue.js';
export { checkKindExamples } from './check-examples.js';
export { addAuditFindings, auditChecksFor } from './scan-audit.js';
export type { GitignoreOutcome } from './gitignore-audit.js';
export { runGitignoreAudit } from './gitignore-audit.js';
export { formatOutcomeJson, formatOutcomeText } from './format-outcome.js';
