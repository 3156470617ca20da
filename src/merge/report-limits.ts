/** Default largest report `report merge` reads (`--max-report-size`): 64 MiB, about 50,000 history findings. */
export const DEFAULT_MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** Longest string kept from a report field; longer ones are refused as not written by secretscan. */
export const MAX_FIELD_LENGTH = {
  ruleId: 200,
  ruleName: 300,
  path: 4096,
  author: 512,
  date: 64,
  preview: 64,
  toolVersion: 64,
} as const;
