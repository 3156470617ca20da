export type { AllowlistEntry, Config } from './types.js';
export { DEFAULT_MAX_FILE_SIZE } from './types.js';
export { CONFIG_FILE_NAMES, loadConfig, parseConfig } from './load.js';
export type { KnownIds } from './validate.js';
export { parseSize } from './size.js';
export { selectRules } from './select-rules.js';
export { configRisks } from './config-risks.js';
